import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '@/components/button';
import { Icon } from '@/components/icon';
import { PageHeader } from '@/components/page-header';
import { TableCard } from '@/components/table-card';
import { QueryView } from '@/components/states';
import { formatDate } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { useTemplates } from '@/features/turnovers/api/turnovers-api';
import { templatePaths } from '@/features/turnovers/paths';
import '@/features/turnovers/turnovers-strings';
import '@/components/kit.css';
import '@/features/turnovers/turnovers.css';

/** Staff: the checklist templates, switched-off ones last. */
export default function TemplatesPage() {
  const { t } = useTranslation('turnovers');
  const locale = currentLocale();
  const templates = useTemplates();
  const add = (
    <ButtonLink variant="primary" href={templatePaths.new}>
      <Icon name="plus" size={18} />
      {t('templates.add')}
    </ButtonLink>
  );
  const sorted = [...(templates.data ?? [])].sort((a, b) => Number(b.isActive) - Number(a.isActive));

  return (
    <>
      <PageHeader title={t('templates.title')} lead={t('templates.lead')} actions={add} />
      <QueryView query={templates} empty={{ icon: 'checkCircle', title: t('templates.none'), text: t('templates.noneText'), actions: add }}>
        {() => (
          <TableCard
            caption={t('templates.tableLabel')}
            className="data-table--rows"
            columns={[t('templates.name'), { label: t('templates.items'), className: 'num' }, t('templates.status'), t('templates.updated')]}
          >
            {sorted.map((tpl) => (
              <tr key={tpl.id}>
                <th scope="row" data-label={t('templates.name')} data-phone="title">
                  <Link to={templatePaths.detail(tpl.id)} className="row-link" aria-label={t('templates.edit', { name: tpl.name })} translate="no">
                    {tpl.name}
                  </Link>
                </th>
                <td data-label={t('templates.items')} className="num" data-phone="detail">
                  {tpl.itemCount}
                </td>
                <td data-label={t('templates.status')} data-phone="title-end">
                  {tpl.isActive ? <span className="badge badge--success">{t('templates.active')}</span> : <span className="badge">{t('templates.off')}</span>}
                </td>
                <td data-label={t('templates.updated')} data-phone="detail-end">
                  {formatDate(tpl.updatedAt, locale)}
                </td>
              </tr>
            ))}
          </TableCard>
        )}
      </QueryView>
    </>
  );
}
