import { LANGUAGES } from './language';
import { useI18n } from './useI18n';

/** English / Français: each named in its own language (and marked so for screen readers). */
export function LanguageSwitcher() {
  const { t, language, pickLanguage } = useI18n();
  return (
    <div className="language-switcher" role="group" aria-label={t('Language')}>
      {LANGUAGES.map((option) => (
        <button
          key={option.language}
          type="button"
          lang={option.language}
          aria-pressed={option.language === language}
          onClick={() => pickLanguage(option.language)}
        >
          {option.name}
        </button>
      ))}
    </div>
  );
}
