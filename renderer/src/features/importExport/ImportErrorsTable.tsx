import { useTranslation } from 'react-i18next';
import type { ImportRowError } from '../../../../shared/ipc/views';
import { downloadText } from '../../app/csv';
import { errorsCsv, reasonText } from './importShaping';

/** Every refused row of an import — row number, field, reason — with the whole list as a CSV download. */
export function ImportErrorsTable({ errors, fileName, testId }: { errors: readonly ImportRowError[]; fileName: string; testId: string }) {
  const { t, i18n } = useTranslation();
  const translate = (key: string) => (i18n.exists(key) ? t(key) : null);
  const headers: [string, string, string, string] = [t('import.row'), t('import.field'), t('import.reason'), t('import.detail')];
  return (
    <>
      <div className="table-scroll short">
        <table className="data-table compact" data-testid={testId}>
          <thead>
            <tr>
              {headers.slice(0, 3).map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {errors.map((e, i) => (
              <tr key={`${e.row}-${e.field}-${i}`}>
                <td className="num">{e.row}</td>
                <td className="mono">{e.field}</td>
                <td title={e.message}>{reasonText(e, translate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" onClick={() => downloadText(`${fileName.replace(/\.csv$/i, '')}-errors.csv`, errorsCsv(errors, headers, translate))}>
        {t('import.downloadErrors')}
      </button>
    </>
  );
}
