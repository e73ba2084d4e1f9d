/**
 * grades.csv: one row per submission, one column per exercise, then the total, ready to import
 * into a gradebook. Written with csv-stringify (quoting) and every text cell neutralised so a
 * spreadsheet never evaluates a submission name as a formula.
 */
import { stringify } from 'csv-stringify/sync';
import type { ClassSummary } from './summary';
import { neutraliseFormula } from './escape';

export function toGradesCsv(summary: ClassSummary): string {
  const ids = summary.exercises.map((e) => e.id);
  const header = ['submission', ...ids, 'total', 'max_score'];
  const rows = summary.submissions.map((row) => [
    neutraliseFormula(row.name),
    ...ids.map((id) => String(row.exercises.find((e) => e.id === id)?.score ?? 0)),
    String(row.score),
    String(row.max_score),
  ]);
  return stringify([header.map(neutraliseFormula), ...rows], { record_delimiter: '\n' });
}
