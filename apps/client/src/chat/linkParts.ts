/** A run of message text: plain characters, or a web address to link. */
export type TextPart =
  { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// Only http and https, written out: no other scheme (javascript:, data:, file: …) becomes a link.
const WEB_ADDRESS = /\bhttps?:\/\/[^\s<>"]+/gi;
// Punctuation that ends a sentence or a quote more often than an address.
const TRAILING = /[.,;:!?'"’”»…]+$/;

/** Drops what follows an address in prose: closing punctuation, and a ")" it did not open. */
function trimEnd(candidate: string): string {
  let address = candidate.replace(TRAILING, '');
  while (address.endsWith(')') && count(address, '(') < count(address, ')')) {
    address = address.slice(0, -1).replace(TRAILING, '');
  }
  return address;
}

const count = (text: string, char: string) => text.split(char).length - 1;

/** The address as the browser would go to it, or null when it is no valid http(s) URL. */
function webHref(address: string): string | null {
  try {
    const url = new URL(address);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Message text cut into plain runs and web addresses. Nothing else is read as markup: the
 * parts are rendered as text nodes and `<a>` elements, never as HTML.
 */
export function linkParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let plainFrom = 0;
  for (const match of text.matchAll(WEB_ADDRESS)) {
    const address = trimEnd(match[0]);
    const href = webHref(address);
    if (href === null) continue;
    if (match.index > plainFrom) {
      parts.push({ kind: 'text', text: text.slice(plainFrom, match.index) });
    }
    parts.push({ kind: 'link', text: address, href });
    plainFrom = match.index + address.length;
  }
  if (plainFrom < text.length) parts.push({ kind: 'text', text: text.slice(plainFrom) });
  return parts;
}
