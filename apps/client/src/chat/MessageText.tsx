import { linkParts } from './linkParts';

/** A message's text as written, its web addresses as links that open apart from the app. */
export function MessageText({ text }: { text: string }) {
  return (
    <p className="text" dir="auto">
      {linkParts(text).map((part, index) =>
        part.kind === 'link' ? (
          // nofollow: links in a public chat must not lend it their ranking.
          <a key={index} href={part.href} target="_blank" rel="noopener noreferrer nofollow">
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </p>
  );
}
