/**
 * Bounds an XML property list before the XML parser sees it: element count, nesting depth and entity
 * declarations, in one linear scan of the text.
 *
 * XML cannot share objects the way a binary plist can, so its expanded size is at most its own length; what
 * costs is the DOM the parser builds (about 1 KB and tens of microseconds per element), so the element count is
 * what is capped. The scan over-counts rather than under-counts (a `<` inside a comment counts as an element),
 * which can only refuse a strange file, never let a large one through. Entity declarations are refused outright:
 * Apple's tools never write them, and they are the classic XML expansion trick.
 */
import { MAX_XML_CHARS, MAX_XML_REFERENCES, overBudget, type PlistProblem } from './plist-budget';
import type { PlistMeasure } from './measure-binary-plist';

/** Bounded attribute run, so a file full of unclosed `<array` tags stays linear. */
const CONTAINER_TAG = /<(\/?)(array|dict)\b[^<>]{0,256}?(\/?)>/g;

export function measureXmlPlist(text: string): PlistMeasure | PlistProblem {
  if (/<!ENTITY/i.test(text))
    return { kind: 'malformed', detail: 'the file declares XML entities, which a profile never does' };
  let values = 0;
  for (let at = text.indexOf('<'); at !== -1; at = text.indexOf('<', at + 1)) {
    if (text.charCodeAt(at + 1) !== 0x2f) values++;
  }
  let depth = 0;
  let deepest = 0;
  for (const match of text.matchAll(CONTAINER_TAG)) {
    if (match[3] === '/') continue;
    depth += match[1] === '/' ? -1 : 1;
    deepest = Math.max(deepest, depth);
  }
  // `values` counts the <?xml?>, <!DOCTYPE> and <plist> lines too: a few over, which is the safe direction.
  return { values, expandedBytes: text.length, depth: deepest };
}

/** Entity and character references (`&amp;`, `&#65;`) and attributes (`a="…"`): the XML parser's slow paths. */
function countReferences(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x26 || c === 0x3d) count++; // '&', '='
  }
  return count;
}

export function checkXmlPlistBudget(text: string): PlistMeasure | PlistProblem {
  if (text.length > MAX_XML_CHARS) return { kind: 'xml-too-long', chars: text.length };
  const references = countReferences(text);
  if (references > MAX_XML_REFERENCES) return { kind: 'xml-too-many-references', references };
  const measure = measureXmlPlist(text);
  if ('kind' in measure) return measure;
  return overBudget(measure) ?? measure;
}
