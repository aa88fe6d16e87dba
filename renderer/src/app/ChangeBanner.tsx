import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useUndoLast } from '../features/units/queries';
import { ErrorText } from './ErrorText';

interface ChangeNotice {
  message: string;
}

const ChangeBannerContext = createContext<(message: string) => void>(() => undefined);

/** After a change: `const notify = useNotifyChange(); notify(message)` shows the banner with "Undo". */
export function useNotifyChange() {
  return useContext(ChangeBannerContext);
}

export function ChangeBannerProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<ChangeNotice | null>(null);
  const [undone, setUndone] = useState<string | null>(null);
  const undo = useUndoLast();
  const resetUndo = useRef(undo.reset);
  resetUndo.current = undo.reset;
  const notify = useCallback((message: string) => {
    setUndone(null);
    resetUndo.current();
    setNotice({ message });
  }, []);
  const onUndo = () =>
    undo.mutate(undefined, {
      onSuccess: () => {
        setNotice(null);
        setUndone(t('change.undone'));
      },
    });
  return (
    <ChangeBannerContext.Provider value={notify}>
      {children}
      {(notice || undone) && (
        <div className="change-banner" role="status" data-testid="change-banner">
          <span>{notice ? notice.message : undone}</span>
          {notice && (
            <button type="button" onClick={onUndo} disabled={undo.isPending} data-testid="undo">
              {t('change.undo')}
            </button>
          )}
          <button
            type="button"
            className="link"
            aria-label={t('common.close')}
            onClick={() => {
              setNotice(null);
              setUndone(null);
            }}
          >
            ×
          </button>
          <ErrorText error={undo.error} />
        </div>
      )}
    </ChangeBannerContext.Provider>
  );
}
