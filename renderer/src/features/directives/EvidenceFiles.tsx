import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_MAX_BYTES, EVIDENCE_TYPES } from '../../../../shared/domain/evidence';
import type { EvidenceFileView } from '../../../../shared/ipc/views';
import { downloadBase64, fileToBase64 } from '../../app/csv';
import { ErrorText } from '../../app/ErrorText';
import { formatNumber } from '../../app/format';
import { useAttachEvidence, useOpenEvidence } from './queries';

/** The evidence files of one unit's row: each opens (downloads) by its name; a photo or PDF can be attached. */
export function EvidenceFiles({ directiveId, unitId, files }: { directiveId: string; unitId: string; files: readonly EvidenceFileView[] }) {
  const { t, i18n } = useTranslation();
  const attach = useAttachEvidence();
  const open = useOpenEvidence();
  const [tooBig, setTooBig] = useState<string | null>(null);
  const kb = (n: number) => formatNumber(Math.max(1, Math.round(n / 1024)), i18n.language);
  return (
    <div className="evidence-files" data-testid="evidence-files">
      {files.length > 0 && (
        <ul>
          {files.map((f) => (
            <li key={f.id}>
              <button
                type="button"
                className="link"
                data-testid="evidence-file"
                onClick={() => open.mutate(f.id, { onSuccess: (r) => downloadBase64(r.fileName, r.dataBase64, r.mime) })}
              >
                {f.fileName}
              </button>{' '}
              <span className="muted">{t('directives.fileSize', { kb: kb(f.size) })}</span>
            </li>
          ))}
        </ul>
      )}
      <label className="no-print file-attach">
        {t('directives.attach')}
        <input
          type="file"
          accept={EVIDENCE_TYPES.join(',')}
          data-testid="evidence-attach"
          disabled={attach.isPending}
          onChange={async (e) => {
            attach.reset();
            setTooBig(null);
            const input = e.target;
            const f = input.files?.[0];
            if (!f) return;
            // Checked here too so a large file is not read and sent only to be refused.
            if (f.size > EVIDENCE_MAX_BYTES) {
              setTooBig(t('directives.fileTooLarge', { name: f.name, mb: (f.size / 1024 / 1024).toFixed(1) }));
              input.value = '';
              return;
            }
            const dataBase64 = await fileToBase64(f);
            attach.mutate({ directiveId, unitId, fileName: f.name, dataBase64 }, { onSettled: () => (input.value = '') });
          }}
        />
      </label>
      {tooBig && (
        <p className="error-text" role="alert" data-testid="evidence-error">
          {tooBig}
        </p>
      )}
      <ErrorText error={attach.error ?? open.error} />
    </div>
  );
}
