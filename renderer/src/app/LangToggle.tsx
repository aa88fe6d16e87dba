import { useTranslation } from 'react-i18next';

/** Shows the language you switch *to*, in that language's own script, so anyone can find it. */
export function LangToggle() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'hi' ? 'en' : 'hi';
  return (
    <button
      type="button"
      className="lang-toggle"
      data-testid="lang-toggle"
      lang={next}
      aria-label={t('lang.switchTo')}
      onClick={() => void i18n.changeLanguage(next)}
    >
      {next === 'hi' ? 'हिन्दी' : 'English'}
    </button>
  );
}
