"""Reading direction: a script that reads a right-to-left page as a person would."""

# Run on a right-to-left page. Reads the page as a person would and reports
#  rtlInLtr:   text in Arabic script whose nearest lang is a left-to-right language
#              (a screen reader would read it with a German or English voice);
#  unisolated: a Latin run of more than one word ("12345 Mittelstadt", "Verein e. V.")
#              inside right-to-left text without an isolating element around it, so that
#              the bidi algorithm moves its numbers and full stops;
#  dateCards:  each date line of a card (and of a news page's header): its logical text
#              and the text read off the screen, right to left, numbers and Latin words
#              left to right, from where each character is drawn.
BIDI_CHECK = r"""
(rtlLanguages) => {
  const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;
  const LATIN_LETTER = /[A-Za-z\u00c0-\u024f]/;
  // Runs of two or more words (separated by spaces) of Latin letters or digits, at least
  // one with a letter; words of punctuation only ("–", "·") between them join the run.
  const latinRuns = (text) => {
    const runs = [];
    let run = [];
    for (const word of [...text.split(' '), '\u0627']) {
      const latin = !ARABIC.test(word) && /[A-Za-z\u00c0-\u024f0-9]/.test(word);
      const neutral = !ARABIC.test(word) && !latin;
      if (latin || (neutral && run.length)) { run.push(word); continue; }
      const words = run.filter((w) => /[A-Za-z\u00c0-\u024f0-9]/.test(w));
      if (words.length > 1 && LATIN_LETTER.test(run.join(' '))) runs.push(run.join(' '));
      run = [];
    }
    return runs;
  };
  const RTL_LANGS = new Set(rtlLanguages);
  const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);
  const isRtlLang = (lang) => RTL_LANGS.has((lang || '').split('-')[0]);
  const nearestLang = (el) => (el.closest('[lang]') || {lang: ''}).lang;
  const describe = (el) => {
    let name = el.tagName.toLowerCase();
    if (el.id) name += '#' + el.id;
    if (el.classList.length) name += '.' + [...el.classList].join('.');
    return name;
  };
  const isolatedLtr = (el, stop) => {
    for (let node = el; node && node !== stop.parentElement; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.unicodeBidi === 'plaintext') return true;
      const isolates = ['isolate', 'isolate-override'].includes(style.unicodeBidi);
      if (isolates && (style.direction === 'ltr' || node.matches(':dir(ltr)'))) return true;
      if (node === stop) break;
    }
    return false;
  };
  const result = {rtlInLtr: [], unisolated: [], dateCards: []};
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    if (!el || SKIP.has(el.tagName) || el.closest('[hidden], .form-trap')) continue;
    const text = node.data.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const lang = nearestLang(el);
    if (ARABIC.test(text) && !isRtlLang(lang)) {
      result.rtlInLtr.push(`"${text.slice(0, 60)}" in ${describe(el)} (nearest lang="${lang}")`);
    }
    if (isRtlLang(lang) && !isolatedLtr(el, el.closest('[lang]'))) {
      for (const run of latinRuns(text)) {
        result.unisolated.push(`"${run}" in "${text.slice(0, 80)}" (${describe(el)})`);
      }
    }
  }

  // Reading a line off the screen: characters right to left; a run of digits and Latin
  // letters left to right, as a reader takes numbers and Latin words. Punctuation joins such
  // a run between two Latin letters, and between two digits when it is a number's
  // separator (15:30, 1.5) - as the Unicode bidi algorithm itself decides (W4, N1).
  const DIGIT = /[0-9\u0660-\u0669\u06f0-\u06f9]/;
  const kind = (ch) => DIGIT.test(ch) ? 'D' : LATIN_LETTER.test(ch) ? 'L'
    : ARABIC.test(ch) && !/[\u060c\u061b\u061f\u066b\u066c]/.test(ch) ? 'R' : 'N';
  const joins = (seq, kinds, i) => {
    let before = i - 1, after = i + 1;
    while (before >= 0 && kinds[before] === 'N') before--;
    while (after < kinds.length && kinds[after] === 'N') after++;
    if (before < 0 || after >= kinds.length) return false;
    const [a, b] = [kinds[before], kinds[after]];
    if (a === 'R' || b === 'R') return false;
    if (a === 'D' && b === 'D') return after - before === 2 && /[:.,\/+\-]/.test(seq[i]);
    return true;
  };
  const screenText = (el) => {
    const chars = [];
    const range = document.createRange();
    const texts = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    while (texts.nextNode()) {
      const node = texts.currentNode;
      for (let i = 0; i < node.data.length; i++) {
        if (/\s/.test(node.data[i])) continue;
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getClientRects()[0];
        if (!box || !box.width) continue;
        chars.push({ch: node.data[i], x: box.left + box.width / 2, y: box.top + box.height / 2,
                    h: box.height, order: chars.length});
      }
    }
    const lines = [];
    for (const c of chars.sort((a, b) => a.y - b.y)) {
      const line = lines.find((l) => Math.abs(l.y - c.y) < l.h / 2);
      if (line) line.chars.push(c); else lines.push({y: c.y, h: c.h, chars: [c]});
    }
    return lines.map((line) => {
      const seq = line.chars.sort((a, b) => b.x - a.x || a.order - b.order).map((c) => c.ch);
      const kinds = seq.map(kind);
      const ltr = kinds.map((k, i) => k !== 'R' && (k !== 'N' || joins(seq, kinds, i)));
      const out = [];
      let run = [];
      seq.forEach((ch, i) => {
        if (ltr[i]) { run.push(ch); return; }
        out.push(...run.reverse(), ch);
        run = [];
      });
      out.push(...run.reverse());
      return out.join('');
    }).join('');
  };
  const DATE_LINES = 'main .event-date, main .card .card-meta, main .page-header .card-meta';
  const cards = document.querySelectorAll(DATE_LINES);
  for (const el of [...cards].slice(0, 12)) {
    if (!el.querySelector('time')) continue;
    result.dateCards.push({where: describe(el), logical: el.textContent.replace(/\s+/g, ' ').trim(),
                           screen: screenText(el)});
  }
  return result;
}
"""
