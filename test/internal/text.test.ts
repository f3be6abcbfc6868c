import { expect } from '@open-wc/testing';
import { initials, NO_INITIALS } from '../../src/internal/initials.js';
import { segments } from '../../src/internal/links.js';
import {
  displayName,
  graphemes,
  isVisiblyEmpty,
  MAX_MARKS,
  sanitizeMessage,
  sanitizeName,
} from '../../src/internal/text.js';

const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
const CONTROL = /\p{Cc}/u;
/** The longest run of combining marks after one base (format characters between do not count). */
function longestMarkRun(text: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    if (/\p{M}/u.test(c)) longest = Math.max(longest, ++run);
    else if (!/\p{Cf}/u.test(c)) run = 0;
  }
  return longest;
}

const ZALGO =
  'Z' + '\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309'.repeat(8) + 'algo';
const INVISIBLES = [
  '\u200B',
  '\u200C',
  '\u200D',
  '\u2060',
  '\uFEFF',
  '\u3164',
  '\u115F',
  '\u1160',
  '\uFFA0',
  '\u2800',
  '\u00AD',
  '\u034F',
  '\uFE0F',
  '\u180E',
  '\u{E0041}',
];

describe('remote text made fit to show', () => {
  it('removes every bidi embedding, override and isolate from names and messages', () => {
    for (const c of '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069') {
      expect(sanitizeName(`a${c}b`)).to.equal('ab');
      expect(sanitizeMessage(`a${c}b`)).to.equal('ab');
    }
    const disguised = sanitizeName('\u202Eexe.tnemucod\u202C victim');
    expect(disguised).to.equal('exe.tnemucod victim');
    expect(disguised).to.not.match(BIDI_CONTROL);
  });

  it('removes directional marks from names and keeps them in messages', () => {
    expect(sanitizeName('txt\u200F.\u200Fexe\u061C\u200E')).to.equal('txt.exe');
    expect(sanitizeMessage('\u05E9\u05DC\u05D5\u05DD 10%\u200F!')).to.equal(
      '\u05E9\u05DC\u05D5\u05DD 10%\u200F!',
    );
  });

  it('removes control characters: a name keeps none, a message its line breaks and tabs', () => {
    expect(sanitizeName('a\u0000b\u0007c\u001Bd\u007Fe\u0085f')).to.equal('abcde f');
    expect(sanitizeName('line one\nline\ttwo\r\nthree')).to.equal('line one line two three');
    expect(sanitizeMessage('one\r\ntwo\rthree\u2028four\u0000\u0008\tfive')).to.equal(
      'one\ntwo\nthree\nfour\tfive',
    );
    expect(sanitizeName('a\u0000b')).to.not.match(CONTROL);
  });

  it('keeps at most MAX_MARKS combining marks on a base, joiners between them included', () => {
    expect(MAX_MARKS).to.be.within(2, 3);
    const name = sanitizeName(ZALGO);
    expect(longestMarkRun(name)).to.equal(MAX_MARKS);
    expect(name.endsWith('algo')).to.equal(true);
    expect(longestMarkRun(sanitizeMessage(`${ZALGO}\n${ZALGO}`))).to.equal(MAX_MARKS);
    const joined = 'e' + '\u0301\u200D'.repeat(20);
    expect(longestMarkRun(sanitizeName(joined))).to.equal(MAX_MARKS);
    // What real writing needs is kept: Vietnamese (decomposed), Hebrew pointing, Devanagari.
    expect(sanitizeName('Nguye\u0302\u0303n')).to.equal('Nguy\u1EC5n');
    const pointed = '\u05E9\u05C1\u05BC\u05B8'; // (marks in canonical order once normalized)
    expect(sanitizeName(pointed)).to.equal(pointed.normalize('NFC'));
    expect(sanitizeName('\u0915\u094D\u0937\u093F')).to.equal('\u0915\u094D\u0937\u093F');
  });

  it('trims white space and invisible characters from the ends of a name, not marks at the end', () => {
    expect(sanitizeName(' \u200B\uFEFF\u3164Ada\u2060\u00A0 ')).to.equal('Ada');
    expect(sanitizeName('\u0301Jose\u0301')).to.equal('Jos\u00E9');
    expect(sanitizeMessage('  \n hello \n ')).to.equal('hello');
  });

  it('handles long runs (10 000 blanks, brackets) in one pass', () => {
    expect(sanitizeName(' '.repeat(10_000) + 'x' + '\u200B'.repeat(10_000))).to.equal('x');
    const [link, rest] = segments('https://a.example/' + ')'.repeat(10_000));
    expect(link!.href).to.equal('https://a.example/');
    expect(rest!.text).to.have.length(10_000);
  });

  it('replaces half a surrogate pair', () => {
    expect(sanitizeName('a\uD83Db')).to.equal('a\uFFFDb');
    expect(sanitizeName('😀')).to.equal('😀');
  });

  it('is idempotent', () => {
    const samples = [
      ZALGO,
      '\u202Eexe.tnemucod\u202C victim',
      'see https://ok.example/\u202Efdp.exe, and http\u202E://x.example/ (https://a.example/(b))',
      'one\r\ntwo\u0000',
      '  \u200Bzed ',
    ];
    for (const s of samples) {
      expect(sanitizeName(sanitizeName(s))).to.equal(sanitizeName(s));
      expect(sanitizeMessage(sanitizeMessage(s))).to.equal(sanitizeMessage(s));
    }
  });

  it('tells what shows nothing', () => {
    for (const c of INVISIBLES) {
      expect(isVisiblyEmpty(`  ${c}${c} \t\n`), JSON.stringify(c)).to.equal(true);
    }
    expect(isVisiblyEmpty('')).to.equal(true);
    expect(isVisiblyEmpty('\u3000\u00A0\u2003')).to.equal(true);
    expect(isVisiblyEmpty('\u202E\u2066')).to.equal(true);
    for (const visible of ['a', '.', '😀', '\u0915', '\u00A0x\u200B', '\u0669']) {
      expect(isVisiblyEmpty(visible), JSON.stringify(visible)).to.equal(false);
    }
  });

  it('shows the identity when the name shows nothing', () => {
    expect(displayName('Ada', 'ada-1')).to.equal('Ada');
    expect(displayName('', 'ada-1')).to.equal('ada-1');
    expect(displayName(undefined, 'ada-1')).to.equal('ada-1');
    expect(displayName('   ', 'ada-1')).to.equal('ada-1');
    expect(displayName('\u200B\u3164\u2800\u202E', 'ada-1')).to.equal('ada-1');
    expect(displayName(' ', '\u202Eada-1')).to.equal('ada-1');
  });

  it('splits graphemes without breaking emoji sequences or surrogate pairs', () => {
    expect(graphemes('👩‍👩‍👧a\u0301')).to.deep.equal(['👩‍👩‍👧', 'a\u0301']);
  });
});

describe('initials', () => {
  it('come from the first letter-like grapheme of the first and last words', () => {
    expect(initials('Ada Lovelace')).to.equal('AL');
    expect(initials('ada king lovelace')).to.equal('AL');
    expect(initials('grace.hopper@example')).to.equal('GE');
    expect(initials('\u200Bzed')).to.equal('Z');
    expect(initials('a\u0000b')).to.equal('A');
    expect(initials('👩‍👩‍👧 Fam')).to.equal('F');
    expect(initials('\u202Eexe.tnemucod\u202C victim')).to.equal('EV');
    expect(initials('\u00E9mile zola')).to.equal('\u00C9Z');
    expect(initials('\u0915\u094D\u0937\u093F')).to.equal('\u0915\u094D\u0937\u093F');
    expect(initials('42 Club')).to.equal('4C');
  });

  it('never give a control or format character, nor half a surrogate pair', () => {
    for (const name of [
      '\u200Bzed',
      '\u202Ea',
      '\u200Da',
      'a\u0000b',
      '\uD83D',
      '😀x',
      '\u2066b',
    ]) {
      const result = initials(name, 'fallback');
      expect(result, JSON.stringify(name)).to.not.match(/[\p{Cc}\p{Cf}\p{Cs}]/u);
      expect(result.length).to.be.greaterThan(0);
    }
  });

  it("fall back to the identity's, then to a placeholder", () => {
    expect(initials('   ', 'grace-hopper')).to.equal('GH');
    expect(initials('😀🎉', 'grace-hopper')).to.equal('GH');
    expect(initials('\u200B\u3164', 'x')).to.equal('X');
    expect(initials('😀', '🎉')).to.equal(NO_INITIALS);
    expect(initials('')).to.equal(NO_INITIALS);
  });
});

describe('link text', () => {
  it('is the real address: encoded, punycode host, exactly the href', () => {
    const [, link] = segments('see https://ok.example/\u202Efdp.exe');
    expect(link).to.deep.equal({
      text: 'https://ok.example/%E2%80%AEfdp.exe',
      href: 'https://ok.example/%E2%80%AEfdp.exe',
    });
    const [idn] = segments('https://b\u00FCcher.example/\u200Bx?q=\u00E9#\u05D0');
    expect(idn!.href).to.equal('https://xn--bcher-kva.example/%E2%80%8Bx?q=%C3%A9#%D7%90');
    expect(idn!.text).to.equal(idn!.href);
    for (const s of segments('https://a.example/\u2066x\u2069 http://b.example/\u0000')) {
      if (s.href) expect(s.href).to.match(/^[\x21-\x7E]+$/u);
    }
  });

  it('a message keeps each link as its encoded address', () => {
    expect(sanitizeMessage('open https://ok.example/\u202Efdp.exe now')).to.equal(
      'open https://ok.example/%E2%80%AEfdp.exe now',
    );
    expect(sanitizeMessage('http\u202E://x.example')).to.equal('http://x.example/');
  });
});
