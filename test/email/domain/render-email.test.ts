import { describe, expect, it } from 'vitest';
import { parseEmailTemplate } from '../../../src/domain/email/email-template.ts';
import {
  applySubstitutions,
  batchSkeleton,
  batchSubstitutions,
  renderEmail,
} from '../../../src/domain/email/render-email.ts';
import { loadEmailTemplates } from '../../../src/email/load-templates.ts';

const source = `---
kind: winback
description: test
subjects:
  A: "Hi {{first_name}}"
  B: "{{company}} deserves better"
---
<!-- text -->
Hello {{first_name}} at {{company}}, see {{reactivate_url}}
<!-- html -->
<p>Hello {{first_name}} at {{company}}</p><a href="{{reactivate_url}}">go</a>
<!-- text:B -->
B text for {{company}}
`;
const template = parseEmailTemplate('test', source);
const values = {
  first_name: 'Ann',
  company: 'Tom & Jerry <Ltd> "Quotes"',
  reactivate_url: 'https://app.example.com/reactivate?account=a1&code=X"Y',
};

describe('renderEmail', () => {
  it('refuses a template whose tag the account lacks, naming the tag and why', () => {
    const result = renderEmail(template, 'A', { company: 'Acme', reactivate_url: 'https://x.example' });
    expect(result).toEqual({
      status: 'missing',
      missing: [{ tag: 'first_name', why: 'the account has no contact name' }],
    });
  });

  it('counts a blank value as missing', () => {
    const result = renderEmail(template, 'A', { ...values, first_name: '   ' });
    expect(result.status).toBe('missing');
  });

  it('escapes values in the HTML part, attributes included, and keeps them as they are in the text part', () => {
    const result = renderEmail(template, 'A', values);
    if (result.status !== 'ok') throw new Error('expected ok');
    expect(result.html).toBe(
      '<p>Hello Ann at Tom &amp; Jerry &lt;Ltd&gt; &quot;Quotes&quot;</p>' +
        '<a href="https://app.example.com/reactivate?account=a1&amp;code=X&quot;Y">go</a>',
    );
    expect(result.text).toBe(`Hello Ann at ${values.company}, see ${values.reactivate_url}`);
    expect(result.subject).toBe('Hi Ann');
  });

  it('uses a variant body where the file has one and the shared body elsewhere', () => {
    const b = renderEmail(template, 'B', values);
    if (b.status !== 'ok') throw new Error('expected ok');
    expect(b.text).toBe(`B text for ${values.company}`);
    expect(b.subject).toBe(`${values.company} deserves better`);
    expect(b.html).toContain('<p>Hello Ann');
  });

  it('never lets a value break the subject onto a second line', () => {
    const result = renderEmail(template, 'A', { ...values, first_name: 'Ann\r\nBcc: x@example.com' });
    if (result.status !== 'ok') throw new Error('expected ok');
    expect(result.subject).toBe('Hi Ann Bcc: x@example.com');
  });

  it('batch skeleton plus substitutions gives exactly the single rendering', () => {
    for (const variant of template.variants) {
      const single = renderEmail(template, variant, values);
      if (single.status !== 'ok') throw new Error('expected ok');
      const skeleton = batchSkeleton(template, variant);
      const substitutions = batchSubstitutions(template, variant, values);
      expect(applySubstitutions(skeleton.text, substitutions)).toBe(single.text);
      expect(applySubstitutions(skeleton.html, substitutions)).toBe(single.html);
    }
  });
});

describe('parseEmailTemplate', () => {
  it.each([
    ['no front matter', 'hello', 'expected YAML front matter'],
    [
      'no text part',
      '---\nkind: winback\ndescription: d\nsubjects:\n  A: s\n---\n<!-- html -->\n<p>x</p>',
      'plain-text part',
    ],
    [
      'an unknown tag',
      '---\nkind: winback\ndescription: d\nsubjects:\n  A: "{{nickname}}"\n---\n<!-- text -->\nx\n<!-- html -->\nx',
      'unknown merge tag {{nickname}}',
    ],
    [
      'a body for a variant without subject',
      '---\nkind: winback\ndescription: d\nsubjects:\n  A: s\n---\n' +
        '<!-- text -->\nx\n<!-- html -->\nx\n<!-- text:C -->\ny',
      'no subject for variant C',
    ],
  ])('refuses a file with %s', (_case, text, message) => {
    expect(() => parseEmailTemplate('t', text)).toThrow(message);
  });

  it('reads every shipped template, each with a text and an HTML part; win-back ones have two subjects', () => {
    const templates = loadEmailTemplates();
    expect(templates.size).toBe(15);
    for (const shipped of templates.values()) {
      expect(shipped.text.default).toBeTruthy();
      expect(shipped.html.default).toBeTruthy();
      if (shipped.kind === 'winback') expect(shipped.variants.length).toBeGreaterThanOrEqual(2);
    }
  });
});
