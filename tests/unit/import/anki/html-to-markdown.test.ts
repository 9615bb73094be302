import { describe, expect, it } from 'vitest';
import { encodeMediaName, htmlToMarkdown, type SkipKind } from '@/lib/import/anki/html-to-markdown';
import { mediaNamesIn, parseMarkdown } from '@/lib/markdown';

function convert(html: string, images: Record<string, string> = {}) {
  const skipped: [SkipKind, string][] = [];
  const markdown = htmlToMarkdown(html, {
    resolveImage: (src) => (src in images ? images[src]! : null),
    onSkip: (kind, detail) => skipped.push([kind, detail]),
  });
  return { markdown, skipped };
}
const md = (html: string) => convert(html).markdown;

describe('htmlToMarkdown', () => {
  it('turns b/strong into strong and i/em/u into emphasis that the app parses back', () => {
    expect(md('The <b>CIA</b> triad, <strong>always</strong>')).toBe('The **CIA** triad, **always**');
    expect(md('<i>only</i> and <em>just</em> and <u>under</u>')).toBe('*only* and *just* and *under*');
    expect(parseMarkdown(md('a <b>bold <i>and italic</i> text</b>'))).toEqual([
      {
        kind: 'paragraph',
        children: [
          { kind: 'text', text: 'a ' },
          { kind: 'strong', children: [{ kind: 'text', text: 'bold ' }, { kind: 'em', children: [{ kind: 'text', text: 'and italic' }] }, { kind: 'text', text: ' text' }] },
        ],
      },
    ]);
  });

  it('moves spaces out of emphasis and drops emphasis the subset could not read back', () => {
    expect(md('<b> spaced </b>word')).toBe('**spaced** word');
    // Inside a word, "*" would not be read as emphasis: the text stays, the stars go.
    expect(md('un<i>believ</i>able')).toBe('unbelievable');
    expect(md('<b></b>empty')).toBe('empty');
  });

  it('reads bold and italic from inline styles, as pasted text carries them', () => {
    expect(md('<span style="font-weight: bold">heavy</span> <span style="font-style:italic">slanted</span>')).toBe('**heavy** *slanted*');
  });

  it('turns br, div and p into paragraph breaks', () => {
    expect(md('one<br>two<br/><br>three<div>four</div><p>five</p>')).toBe('one\n\ntwo\n\nthree\n\nfour\n\nfive');
    expect(parseMarkdown(md('a<br>b'))).toHaveLength(2);
  });

  it('turns ul/ol/li into lists, flattening nested ones', () => {
    expect(md('Intro<ul><li>one</li><li>two <b>bold</b></li></ul>After')).toBe('Intro\n\n- one\n- two **bold**\n\nAfter');
    expect(md('<ol start="3"><li>c<li>d</ol>')).toBe('3. c\n4. d');
    expect(md('<ul><li>a<ul><li>a1</li></ul></li><li>b</li></ul>')).toBe('- a\n- a1\n- b');
    expect(md('<ul><li>line<br>break</li></ul>')).toBe('- line break');
  });

  it('keeps code as code, and as escaped text when it holds a backtick', () => {
    expect(md('Run <code>ls *</code> now')).toBe('Run `ls *` now');
    expect(md('<code>a`b</code>')).toBe('a\\`b');
  });

  it('escapes the characters the Markdown subset reads as markup', () => {
    expect(md('2 * 3 = 6, snake_case, `tick`, back\\slash')).toBe('2 \\* 3 = 6, snake\\_case, \\`tick\\`, back\\\\slash');
    expect(parseMarkdown(md('* not a list *'))).toEqual([{ kind: 'paragraph', children: [{ kind: 'text', text: '* not a list *' }] }]);
  });

  it('text that only reads like an image reference stays text, and shows no stored image', () => {
    const { markdown } = convert('See ![the triad](media:triad.png) here', { 'triad.png': 'triad.png' });
    expect(markdown).toBe('See \\![the triad](media:triad.png) here');
    expect(parseMarkdown(markdown)).toEqual([{ kind: 'paragraph', children: [{ kind: 'text', text: 'See ![the triad](media:triad.png) here' }] }]);
    expect(mediaNamesIn(markdown)).toEqual([]);
    // A real <img> next to it is still an image.
    expect(mediaNamesIn(convert('![x](media:triad.png)<img src="triad.png">', { 'triad.png': 'triad.png' }).markdown)).toEqual(['triad.png']);
  });

  it('decodes entities and collapses whitespace', () => {
    expect(md('Tom&nbsp;&amp;&nbsp;Jerry &lt;tag&gt; &#8211; &#x263A; &unknown;')).toBe('Tom & Jerry <tag> – ☺ &unknown;');
    expect(md('  lots \n\t of   space  ')).toBe('lots of space');
  });

  it('drops scripts and styles with their content, and reports them', () => {
    const { markdown, skipped } = convert('Safe<script>alert("x")</script> text<style>b { color: red }</style><SCRIPT src="x.js"></SCRIPT>');
    expect(markdown).toBe('Safe text');
    expect(skipped.filter(([kind]) => kind === 'script')).toHaveLength(3);
  });

  it('keeps no attribute, handler or link: only the text survives', () => {
    const out = md('<a href="javascript:alert(1)" onclick="steal()">click</a> <div onmouseover="x()">hover</div><img src=x onerror="alert(1)">');
    expect(out).toBe('click\n\nhover');
    expect(out).not.toMatch(/javascript|onclick|onerror|alert/);
  });

  it('drops iframes, objects and media elements with their content', () => {
    const { markdown, skipped } = convert('a<iframe src="https://evil.example">fallback</iframe>b<video src="v.mp4"><source src="v.webm">no video</video>c');
    expect(markdown).toBe('abc');
    expect(skipped).toEqual([
      ['embedded-media', 'https://evil.example'],
      ['embedded-media', 'v.mp4'],
    ]);
  });

  it('keeps images that are in the package and reports the others', () => {
    const { markdown, skipped } = convert('<img src="a b.png" alt="The [triad]"> <img src="https://x.test/y.png"> <img src="gone.png"> <img src="data:image/png;base64,AAAA">', {
      'a b.png': encodeMediaName('a b.png'),
    });
    expect(markdown).toBe('![The triad](media:a%20b.png)');
    expect(skipped.map(([kind]) => kind)).toEqual(['remote-image', 'missing-image', 'inline-image']);
  });

  it('removes [sound:…] and reports it', () => {
    const { markdown, skipped } = convert('[sound:ring.mp3]What port?');
    expect(markdown).toBe('What port?');
    expect(skipped).toEqual([['sound', 'ring.mp3']]);
  });

  it('survives broken HTML like a browser does', () => {
    expect(md('a < b and <b>unclosed')).toBe('a < b and **unclosed**');
    expect(md('<!-- hidden -->shown<!doctype html>')).toBe('shown');
    expect(md('<b>x</i>y</b>')).toBe('**xy**');
    expect(md('text <span')).toBe('text');
  });

  it('encodes media names so they are safe inside (media:…)', () => {
    expect(encodeMediaName('diagram (v2)*.png')).toBe('diagram%20%28v2%29%2A.png');
    expect(decodeURIComponent(encodeMediaName('ü é.png'))).toBe('ü é.png');
  });
});
