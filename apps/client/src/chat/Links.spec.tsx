import { within } from '@testing-library/react';
import { chatMessage, welcome } from '../testing/fakeSocket';
import { renderApp } from '../testing/renderApp';

/** The message with `text` in the log, and its links' addresses. */
function shown(text: string) {
  const { socket, container } = renderApp();
  socket.serverConnect();
  socket.receive('welcome', welcome({ messages: [chatMessage({ text })] }));
  const log = within(container).getByRole('log', { name: 'Messages' });
  const paragraph = log.querySelector('.text') as HTMLElement;
  const links = within(paragraph).queryAllByRole('link');
  return { paragraph, hrefs: links.map((link) => link.getAttribute('href')), links };
}

describe('links in messages', () => {
  it('links http and https addresses, opening apart and passing nothing on', () => {
    const { paragraph, links, hrefs } = shown('see https://example.com/a?b=1 and http://x.org.');
    expect(paragraph).toHaveTextContent('see https://example.com/a?b=1 and http://x.org.');
    expect(hrefs).toEqual(['https://example.com/a?b=1', 'http://x.org/']);
    for (const link of links) {
      expect(link).toHaveAttribute('target', '_blank');
      expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');
    }
    expect(links[1]).toHaveTextContent(/^http:\/\/x\.org$/);
  });

  it('leaves the closing bracket of prose out, and keeps one the address opened', () => {
    expect(shown('(at https://example.com/x)').hrefs).toEqual(['https://example.com/x']);
    expect(shown('https://en.wikipedia.org/wiki/A_(b)').hrefs).toEqual([
      'https://en.wikipedia.org/wiki/A_(b)',
    ]);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'mailto:a@b.c',
    'https://',
    '//evil.example/path',
  ])('keeps %s as plain text', (text) => {
    const { paragraph, hrefs } = shown(text);
    expect(hrefs).toEqual([]);
    expect(paragraph).toHaveTextContent(text);
  });

  it('reads no HTML or markdown: only the address inside becomes a link', () => {
    const html = '<a href="javascript:alert(1)">https://ok.example</a><img src=x onerror=alert(1)>';
    const { paragraph, hrefs } = shown(html);
    expect(paragraph).toHaveTextContent(html);
    expect(paragraph.querySelector('img')).toBeNull();
    expect(hrefs).toEqual(['https://ok.example/']);

    const markdown = '[click me](javascript:alert(1)) **bold** [ok](https://ok.example)';
    const parsed = shown(markdown);
    expect(parsed.paragraph).toHaveTextContent(markdown);
    expect(parsed.paragraph.querySelector('strong')).toBeNull();
    expect(parsed.hrefs).toEqual(['https://ok.example/']);
  });

  it('does not let a scheme smuggled before an address into the link', () => {
    const { hrefs, links } = shown('javascript:alert(1)//https://ok.example');
    expect(hrefs).toEqual(['https://ok.example/']);
    expect(links[0]).toHaveTextContent(/^https:\/\/ok\.example$/);
  });
});
