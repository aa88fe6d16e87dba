import type { ImportPreview, ImportRowError } from '../../../../shared/ipc/views';
import { toCsv } from '../../app/csv';

/** The reason in the chosen language where the catalogue knows the key, else the backend's English sentence. */
export function reasonText(err: ImportRowError, translate: (key: string) => string | null): string {
  return translate(`importErrors.${err.reason}`) ?? err.message;
}

export function errorsCsv(errors: readonly ImportRowError[], headers: [string, string, string, string], translate: (key: string) => string | null): string {
  return toCsv(
    headers,
    errors.map((e) => [e.row, e.field, reasonText(e, translate), e.message]),
  );
}

export function canCommit(preview: ImportPreview | undefined): boolean {
  return Boolean(preview && preview.errors.length === 0 && preview.rows > 0);
}
