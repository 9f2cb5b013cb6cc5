import { useI18n } from '../i18n/useI18n';

export interface MessageTimeProps {
  /** An ISO-8601 instant. */
  at: string;
  /** Shown: it takes focus, so the keyboard gets the full date that hovering shows. */
  focusable: boolean;
}

/**
 * "14:05", with the full date as its title: the tooltip on hover, its description for screen
 * readers, and (CSS `.stamp:focus-visible`) spelled out beside it on keyboard focus.
 */
export function MessageTime({ at, focusable }: MessageTimeProps) {
  const { clockTime, fullDateTime } = useI18n();
  return (
    <time
      className="stamp"
      dateTime={at}
      title={fullDateTime(at)}
      tabIndex={focusable ? 0 : undefined}
    >
      {clockTime(at)}
    </time>
  );
}
