import { QueryFallback } from '@/components/states';
import '@/features/dashboard/dashboard-strings';
import { useFinanceDashboard } from '@/features/dashboard/api/get-dashboard';
import { KpiCards } from './kpi-cards';
import { RecentActivity } from './recent-activity';
import { RevenueChart } from './revenue-chart';
import { ServiceLineChart } from './service-line-chart';
import { UnpaidList } from './unpaid-list';
import '@/features/dashboard/dashboard.css';

/** The staff home's body: key figures, revenue charts, the unpaid list and recent activity. */
export function FinanceDashboard() {
  const query = useFinanceDashboard();
  if (!query.isSuccess) return <QueryFallback query={query} />;
  const dashboard = query.data;
  return (
    <div className="dash stack gap-6">
      <KpiCards dashboard={dashboard} />
      <div className="detail-layout detail-layout--wide-side">
        <RevenueChart months={dashboard.revenueByMonth} />
        <ServiceLineChart dashboard={dashboard} />
      </div>
      <div className="detail-layout detail-layout--wide-side">
        <UnpaidList outstanding={dashboard.outstanding} />
        <RecentActivity entries={dashboard.recentActivity} />
      </div>
    </div>
  );
}
