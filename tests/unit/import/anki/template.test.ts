import { describe, expect, it } from 'vitest';
import {
  FRONT_SIDE_MARK,
  answerWithoutQuestion,
  clozeNumbers,
  fieldIsEmpty,
  renderCloze,
  renderTemplate,
  type TemplateContext,
} from '@/lib/import/anki/template';

const context = (fields: Record<string, string>, extra: Partial<TemplateContext> = {}): TemplateContext => ({
  fields: new Map(Object.entries(fields)),
  tags: ['alpha', 'beta'],
  noteTypeName: 'My type',
  deckName: 'CISSP::Domain 1',
  cardName: 'Card 1',
  flag: 0,
  ...extra,
});

describe('renderTemplate', () => {
  it('fills in fields and special fields', () => {
    const ctx = context({ Front: 'Q', Back: 'A' }, { flag: 2 });
    expect(renderTemplate('{{Front}}|{{ Back }}|{{Tags}}|{{Deck}}|{{Subdeck}}|{{Card}}|{{Type}}|{{CardFlag}}|{{Missing}}', ctx, 'question')).toBe(
      'Q|A|alpha beta|CISSP::Domain 1|Domain 1|Card 1|My type|flag2|',
    );
  });

  it('shows {{#F}} sections when F has content and {{^F}} when it has none (Anki treats <br> and <div> as empty)', () => {
    const tpl = '{{#Extra}}[{{Extra}}]{{/Extra}}{{^Extra}}none{{/Extra}}';
    expect(renderTemplate(tpl, context({ Extra: 'more' }), 'question')).toBe('[more]');
    expect(renderTemplate(tpl, context({ Extra: ' <br> <div></div> ' }), 'question')).toBe('none');
    expect(renderTemplate(tpl, context({}), 'question')).toBe('none');
    expect(fieldIsEmpty('&nbsp;<br/>')).toBe(true);
    expect(fieldIsEmpty('<img src="a.png">')).toBe(false);
  });

  it('nests sections', () => {
    expect(renderTemplate('{{#A}}a{{#B}}b{{/B}}{{/A}}', context({ A: '1', B: '' }), 'question')).toBe('a');
    expect(renderTemplate('{{#A}}a{{#B}}b{{/B}}{{/A}}', context({ A: '1', B: '1' }), 'question')).toBe('ab');
  });

  it('applies filters right to left: text:, hint:, type:, tts:, kana/kanji/furigana', () => {
    const ctx = context({ F: '<b>bold</b> <script>x()</script>text', J: '日本[にほん]' });
    expect(renderTemplate('{{text:F}}', ctx, 'question')).toBe('bold text');
    expect(renderTemplate('{{hint:F}}', context({ F: 'a hint' }), 'question')).toBe('a hint');
    expect(renderTemplate('{{type:F}}', ctx, 'question')).toBe('');
    // On the answer, "type in the answer" shows what was to be typed.
    expect(renderTemplate('{{text:type:F}}', ctx, 'answer')).toBe('bold text');
    expect(renderTemplate('{{tts en_US:F}}', ctx, 'question')).toBe('');
    expect(renderTemplate('{{furigana:J}} {{kanji:J}} {{kana:J}}', ctx, 'question')).toBe('日本(にほん) 日本 にほん');
  });

  it('renders {{FrontSide}} on the answer, and the back drops the question above <hr id=answer>', () => {
    const ctx = context({ Front: 'Q', Back: 'A' });
    const afmt = '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}';
    expect(renderTemplate(afmt, ctx, 'answer', 'Q')).toBe('Q\n\n<hr id=answer>\n\nA');
    expect(answerWithoutQuestion(renderTemplate(afmt, ctx, 'answer', FRONT_SIDE_MARK))).toBe('\n\nA');
    expect(answerWithoutQuestion(renderTemplate('{{FrontSide}}<br>{{Back}}', ctx, 'answer', FRONT_SIDE_MARK))).toBe('<br>A');
    // An <hr id=answer> without the question before it keeps what is above it.
    expect(answerWithoutQuestion('Intro<hr id="answer">A')).toBe('Intro<hr id="answer">A');
  });

  it('treats {{#c2}} as "this is cloze card 2"', () => {
    const tpl = '{{#c2}}second{{/c2}}{{^c2}}other{{/c2}}';
    expect(renderTemplate(tpl, context({}, { cloze: 2 }), 'question')).toBe('second');
    expect(renderTemplate(tpl, context({}, { cloze: 1 }), 'question')).toBe('other');
  });

  it('renders {{cloze:F}} and {{cloze-only:F}}', () => {
    const ctx = context({ Text: '{{c1::Paris}} is in {{c2::France::country}}, {{c1::capital}}' }, { cloze: 1 });
    expect(renderTemplate('{{cloze:Text}}', ctx, 'question')).toBe('<b>[...]</b> is in France, <b>[...]</b>');
    expect(renderTemplate('{{cloze:Text}}', ctx, 'answer')).toBe('<b>Paris</b> is in France, <b>capital</b>');
    expect(renderTemplate('{{cloze-only:Text}}', ctx, 'answer')).toBe('Paris, capital');
    expect(renderTemplate('{{cloze:Text}}', { ...ctx, cloze: 2 }, 'question')).toBe('Paris is in <b>[country]</b>, capital');
  });

  it('handles nested and unclosed cloze deletions', () => {
    const nested = '{{c1::outer {{c2::inner}} text}}';
    expect(clozeNumbers(nested)).toEqual(new Set([1, 2]));
    expect(renderCloze(nested, 2, 'question')).toBe('outer <b>[...]</b> text');
    expect(renderCloze(nested, 1, 'answer')).toBe('<b>outer inner text</b>');
    expect(renderCloze('{{c1::never closed', 1, 'question')).toBe('{{c1::never closed');
    expect(clozeNumbers('no deletions {{here}}')).toEqual(new Set());
  });
});
