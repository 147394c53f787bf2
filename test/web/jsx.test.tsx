import { describe, expect, it } from 'vitest';
import { h, Fragment, raw, renderDocument, type Child } from '../../src/web/ui/jsx.js';

void Fragment;

describe('the JSX string renderer', () => {
  it('escapes text and attribute values', () => {
    const evil = `<img src=x onerror="alert('x')">&`;
    expect((<p title={evil}>{evil}</p>).value).toBe(
      '<p title="&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;">&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;</p>',
    );
  });

  it('passes trusted markup through only when marked raw', () => {
    expect((<div>{raw('<b>ok</b>')}</div>).value).toBe('<div><b>ok</b></div>');
  });

  it('renders booleans, nulls, numbers, arrays, fragments and void elements', () => {
    const items = [1, 2];
    const tree = (
      <>
        <input type="checkbox" checked disabled={false} value={null} />
        <ul>
          {items.map((i) => (
            <li>{i}</li>
          ))}
        </ul>
        {false}
        {null}
        {0}
      </>
    );
    expect(tree.value).toBe('<input type="checkbox" checked><ul><li>1</li><li>2</li></ul>0');
  });

  it('passes children to components', () => {
    const Box = (props: { label: string; children?: Child }) => <section aria-label={props.label}>{props.children}</section>;
    expect((<Box label="a">text</Box>).value).toBe('<section aria-label="a">text</section>');
  });

  it('refuses attribute names that could break out of the tag', () => {
    expect(() => h('p', { 'onclick="x"': 'y' })).toThrow('invalid attribute name');
  });

  it('prefixes documents with the doctype', () => {
    expect(renderDocument(<html lang="en"></html>)).toBe('<!doctype html>\n<html lang="en"></html>');
  });
});
