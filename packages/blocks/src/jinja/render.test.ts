import { describe, expect, it } from 'vitest';
import { renderTemplate, TemplateRenderError } from './render';

describe('renderTemplate: Jinja semantics', () => {
  it.each([
    {
      name: 'Python constants',
      template: '{{ True }} {{ False }} {{ None }}',
      values: {},
      expected: 'True False None',
    },
    {
      name: 'undefined names as nothing',
      template: '[{{ missing }}][{{ missing.attr }}]',
      values: {},
      expected: '[][]',
    },
    {
      name: 'values as str()',
      template: '{{ n }} {{ l }} {{ d }}',
      values: { n: null, l: [1, 'a'], d: { k: true } },
      expected: "None [1, 'a'] {'k': True}",
    },
    {
      name: 'dict.items() loops',
      template: '{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}',
      values: { d: { a: 1, b: 2 } },
      expected: 'a=1;b=2;',
    },
    {
      name: 'Python string methods',
      template: '{{ s.strip().title() }}|{{ s.replace("o", "0") }}|{{ s.split() }}',
      values: { s: ' foo boo ' },
      expected: "Foo Boo| f00 b00 |['foo', 'boo']",
    },
    {
      name: 'map by attribute and by filter',
      template: '{{ u | map(attribute="n") | join }}{{ w | map("upper") | join }}',
      values: { u: [{ n: 'a' }], w: ['b'] },
      expected: 'aB',
    },
    {
      name: 'negative indexes',
      template: '{{ l[-1] }}{{ "abc"[-1] }}',
      values: { l: [1, 2, 3] },
      expected: '3c',
    },
    {
      name: 'dict.get with a default',
      template: '{{ d.get("x", "none") }}',
      values: { d: {} },
      expected: 'none',
    },
    {
      name: 'join prints items as str()',
      template: '{{ l | join(", ") }}',
      values: { l: [1, null, true] },
      expected: '1, None, True',
    },
    {
      name: 'tojson',
      template: '{{ d | tojson }}',
      values: { d: { b: '<', a: 1 } },
      expected: '{"a": 1, "b": "\\u003c"}',
    },
    {
      name: 'unique, case-insensitively',
      template: '{{ l | unique | join(",") }}',
      values: { l: ['a', 'A', 'b'] },
      expected: 'a,b',
    },
    {
      name: 'macros',
      template: '{% macro hi(n) %}Hi {{ n }}{% endmacro %}{{ hi("Bob") }}',
      values: {},
      expected: 'Hi Bob',
    },
    { name: 'keys starting with _', template: '{{ row._id }}', values: { row: { _id: 7 } }, expected: '7' },
    {
      name: 'a cycler global',
      template: '{% set c = cycler("odd", "even") %}{% for i in [1, 2, 3] %}{{ c.next() }} {% endfor %}',
      values: {},
      expected: 'odd even odd ',
    },
    {
      name: 'the string filter',
      template: '{{ n | string }}{{ l | string }}',
      values: { n: null, l: [1] },
      expected: 'None[1]',
    },
    { name: 'one trailing newline dropped', template: 'a\n\n', values: {}, expected: 'a\n' },
  ])('renders $name', ({ template, values, expected }) => {
    expect(renderTemplate(template, values)).toBe(expected);
  });

  it('escapes like markupsafe when asked, except safe values', () => {
    expect(renderTemplate('{{ x }}|{{ x | safe }}', { x: `<a href="x">'&'</a>` }, { escapeHtml: true })).toBe(
      '&lt;a href=&#34;x&#34;&gt;&#39;&amp;&#39;&lt;/a&gt;|<a href="x">\'&\'</a>',
    );
  });

  it("does not change the caller's values", () => {
    const values = { l: [1] };
    renderTemplate('{{ l.append(2) }}', values);
    expect(values.l).toEqual([1]);
  });
});

describe('renderTemplate: sandbox', () => {
  it.each([
    ['"".constructor.constructor', '{{ "".constructor.constructor("return process")() }}'],
    ['a global constructor', '{{ constructor.constructor("return process")() }}'],
    ['a function property', '{{ range.constructor("return process")() }}'],
    ['a computed key', '{% set k = "constr" ~ "uctor" %}{{ ""[k][k]("return process")() }}'],
    ['__proto__', '{{ {}.__proto__.constructor.constructor("return process")() }}'],
    ['function methods', '{{ range.call.constructor("return process")() }}'],
  ])('blocks %s', (_name, template) => {
    expect(() => renderTemplate(template, {})).toThrow(TemplateRenderError);
  });

  it('caps range() as Jinja does', () => {
    expect(() => renderTemplate('{% for i in range(100001) %}{% endfor %}', {})).toThrow(/MAX_RANGE/);
  });

  it('has no loader to read files with', () => {
    expect(() => renderTemplate('{% include "/etc/passwd" %}', {})).toThrow(TemplateRenderError);
  });
});

describe('renderTemplate: errors', () => {
  it('names the line of a syntax error', () => {
    expect(() => renderTemplate('line one\n{{ a b }}', {})).toThrow(/Line 2/);
  });

  it('reports an unknown filter', () => {
    expect(() => renderTemplate('{{ a | nosuchfilter }}', {})).toThrow('filter not found: nosuchfilter');
  });
});
