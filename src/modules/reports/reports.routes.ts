import {
  CashReport,
  ReportRangeQuery,
  RevenueReport,
  TimesheetQuery,
  TimesheetReport,
  VatAnnualQuery,
  VatAnnualReport,
  VatQuarterQuery,
  VatQuarterReport,
} from '../../contracts/reports.js';
import { route, type Routes } from '../../http/endpoint.js';
import type { ReportsService } from './reports.service.js';

const STAFF = ['master', 'admin'] as const;
const TAGS = ['Reports'];
const RANGE_ERRORS = { 400: 'VALIDATION_FAILED — month 13, a date that does not exist, `to` before `from`, or a range over 366 days.' };

export function reportsRoutes(routes: Routes, { reports }: { reports: ReportsService }) {
  route(
    routes,
    {
      method: 'get',
      path: '/api/reports/vat/quarterly',
      summary: 'IVA for a quarter, split laundry/cleaning and by rate, on the accrual date',
      description: 'Quarters are Lisbon calendar quarters: a sale at 2026-03-31T23:30Z (00:30 on 1 April in Lisbon) is Q2.',
      tags: TAGS,
      access: STAFF,
      query: VatQuarterQuery,
      response: VatQuarterReport,
      errors: { 400: 'VALIDATION_FAILED — quarter outside 1–4 or a missing year.' },
    },
    ({ query }) => reports.vatQuarter(query.year, query.quarter),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/reports/vat/annual',
      summary: 'IVA for a year, with its four quarters',
      tags: TAGS,
      access: STAFF,
      query: VatAnnualQuery,
      response: VatAnnualReport,
    },
    ({ query }) => reports.vatAnnual(query.year),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/reports/revenue',
      summary: 'Revenue by service for a period (accrual, net of VAT)',
      tags: TAGS,
      access: STAFF,
      query: ReportRangeQuery,
      response: RevenueReport,
      errors: RANGE_ERRORS,
    },
    ({ query }) => reports.revenue(query),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/reports/cash',
      summary: 'Money received and refunded by payment method for a period (cash basis)',
      tags: TAGS,
      access: STAFF,
      query: ReportRangeQuery,
      response: CashReport,
      errors: RANGE_ERRORS,
    },
    ({ query }) => reports.cash(query),
  );

  route(
    routes,
    {
      method: 'get',
      path: '/api/reports/timesheet',
      summary: 'Hours on site per worker for a period',
      tags: TAGS,
      access: STAFF,
      query: TimesheetQuery,
      response: TimesheetReport,
      errors: RANGE_ERRORS,
    },
    ({ query }) => reports.timesheet(query),
  );
}
