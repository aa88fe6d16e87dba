import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/**
 * An error in words, next to what caused it. The backend's sentence (English, specific) is kept; a
 * translated headline by error code comes first when the catalogue has one.
 */
export function ErrorText({ error, testId }: { error: unknown; testId?: string }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : 'internal';
  const message = error instanceof Error ? error.message : String(error);
  const key = `errors.${code}`;
  const headline = i18n.exists(key) ? t(key) : null;
  return (
    <div className="error-text" role="alert" data-testid={testId}>
      {headline && <strong>{headline} </strong>}
      <span>{message}</span>
    </div>
  );
}
