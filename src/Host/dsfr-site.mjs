// Writes wwwroot/lib/dsfr from the DSFR package (node_modules/@gouvfr/dsfr): the stylesheets of the components and
// icons the pages use, one module script for their behaviours, and the fonts (with their French subsets) and icons
// these files point to.
// Run by the build (IndustryWeek.Host.csproj, target BuildDsfrSite) after npm ci; nothing it writes is committed.
// DsfrStylesheetTests fails when a page uses a DSFR class its stylesheet does not define: add the component here.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import subsetFont from 'subset-font';

// What the public pages use (home, map, event pages, sign-in and registration): the visitors', often on a phone.
const publicPages = {
  components: [
    'alert', 'badge', 'breadcrumb', 'button', 'callout', 'footer', 'form', 'header', 'input', 'link', 'logo', 'modal',
    'navigation', 'pagination', 'select', 'skiplink',
  ],
  icons: ['calendar-line', 'lock-line', 'map-pin-2-line'],
};

// What only the pages of signed-in people add (organisers, moderators, administrators, operators).
const signedInPages = {
  components: ['checkbox', 'notice', 'radio', 'search', 'table', 'tag', 'upload'],
  icons: ['account-circle-line', 'add-line', 'delete-line', 'download-line', 'line-chart-line', 'logout-box-r-line', 'upload-line', 'warning-line'],
};

// The characters French pages use (Latin-1, œ, the typographer's dashes, quotes, spaces and ellipsis, €, arrows), as
// unicode-range ranges: what the fonts' subsets hold. Other characters (a name in Polish, say) still get the font.
const frenchRanges = [[0x20, 0x7e], [0xa0, 0xff], [0x152, 0x153], [0x178, 0x178], [0x2010, 0x2027], [0x202f, 0x203a], [0x20ac, 0x20ac],
  [0x2122, 0x2122], [0x2190, 0x2193], [0x2713, 0x2713]];

const packageRoot = 'node_modules/@gouvfr/dsfr';
const dist = `${packageRoot}/dist`;
const target = 'wwwroot/lib/dsfr';

// The DSFR's own order, the one its dsfr.css has: a component may override one before it.
const styleOrder = importedNames(`${packageRoot}/src/dsfr/component/main.scss`, /@import '([\w-]+)\/main';/g);
const scriptOrder = importedNames(`${packageRoot}/src/dsfr/component/main.js`, /import '\.\/([\w-]+)\/main\.js';/g);
for (const name of [...publicPages.components, ...signedInPages.components]) {
  if (!styleOrder.includes(name)) {
    fail(`no DSFR component « ${name} »`);
  }
}

// Written again from nothing: a component or an icon taken out of the lists leaves no file behind.
rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
const assets = new Set();
const subsetFonts = new Set();
const banner = readFileSync(`${dist}/core/core.min.css`, 'utf8').match(/^\/\*![\s\S]*?\*\//)[0];

// The signed-in pages' stylesheet has everything again (not only its additions): one stylesheet per page, in the DSFR's order.
writeStylesheet('dsfr.public.min.css', publicPages);
writeStylesheet('dsfr.signed-in.min.css', {
  components: [...publicPages.components, ...signedInPages.components],
  icons: [...publicPages.icons, ...signedInPages.icons],
});

// One module script for every page (the behaviours of the signed-in pages' components add little). Each DSFR module
// file declares top-level names of its own (const e=window.dsfr) and exports nothing: a block around each keeps them
// apart, as separate files would.
const allComponents = [...publicPages.components, ...signedInPages.components];
const scripts = ['core/core', 'scheme/scheme', ...scriptOrder.filter(name => allComponents.includes(name)).map(name => `component/${name}/${name}`)]
  .map(name => `{\n${withoutBannerAndSourceMap(readFileSync(`${dist}/${name}.module.min.js`, 'utf8'))}\n}`);
writeFileSync(`${target}/dsfr.site.module.min.js`, [banner, ...scripts].join('\n') + '\n');

// Browsers without modules (the DSFR still ships for them) keep the whole script, polyfills included.
copy('dsfr.nomodule.min.js');
copy('favicon/apple-touch-icon.png');
copy('favicon/favicon.svg');
for (const asset of assets) {
  copy(asset);
}

// The French subset of each font a stylesheet declares (fontFaces below): a third of the bytes fewer.
for (const font of subsetFonts) {
  const subset = await subsetFont(readFileSync(`${dist}/${font}.woff2`), frenchText(), { targetFormat: 'woff2' });
  writeFileSync(`${target}/${font}.latin.woff2`, subset);
}

console.log(`dsfr-site.mjs: ${target} written (${allComponents.length} components, ${assets.size} fonts and images)`);

function writeStylesheet(file, { components, icons }) {
  const parts = ['core/core', 'scheme/scheme', ...styleOrder.filter(name => components.includes(name)).map(name => `component/${name}/${name}`)]
    .map(name => rebase(withoutComments(readFileSync(`${dist}/${name}.min.css`, 'utf8')), path.posix.dirname(name)));
  // The icons come after, as they did in their own stylesheet after dsfr.min.css.
  writeFileSync(`${target}/${file}`, ['@charset "UTF-8";', banner, fontFaces(packMediaQueries(parts.join(''))), ...iconRules(icons)].join('\n') + '\n');
}

function frenchText() {
  return frenchRanges.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i))).join('');
}

function unicodeRange(ranges) {
  return ranges.map(([from, to]) => `U+${from.toString(16)}${to === from ? '' : `-${to.toString(16)}`}`).join(',');
}

// Each @font-face of the DSFR (its fonts hold Latin, Greek and Cyrillic: 58 KB each) becomes two: the French subset
// (29 KB), and the whole font for any other character, which the browser downloads only for a page that has one.
function fontFaces(css) {
  const others = [];
  let next = 0;
  for (const [from, to] of frenchRanges) {
    if (from > next) {
      others.push([next, from - 1]);
    }

    next = to + 1;
  }

  others.push([next, 0x10ffff]);
  return css.replace(/@font-face\{([^{}]*?)src:url\((fonts\/[\w-]+)\.woff2\) format\("woff2"\)([^{}]*)\}/g, (face, before, font, after) => {
    subsetFonts.add(font);
    return `@font-face{${before}src:url(${font}.latin.woff2) format("woff2");unicode-range:${unicodeRange(frenchRanges)}}`
      + `@font-face{${before}src:url(${font}.woff2) format("woff2")${after};unicode-range:${unicodeRange(others)}}`;
  });
}

// dsfr.min.css has each media query once, after the rules outside any (its build packs them); so has this stylesheet,
// so that a component's rules for wide screens win over a later component's rules for all screens, as they do there.
function packMediaQueries(css) {
  const outside = [];
  const media = new Map();
  for (const { prelude, body } of topLevelBlocks(css)) {
    if (prelude.includes('-ms-high-contrast')) {
      // Internet Explorer's own (the DSFR's high-contrast rules for it): no browser the platform serves reads them.
      continue;
    } else if (prelude.startsWith('@media')) {
      media.set(prelude, (media.get(prelude) ?? '') + body);
    } else {
      outside.push(`${prelude}{${body}}`);
    }
  }

  return [...outside, ...[...media].map(([prelude, body]) => `${prelude}{${body}}`)].join('');
}

// The top-level blocks of a stylesheet without comments: what comes before the braces, and what they hold.
function topLevelBlocks(css) {
  const blocks = [];
  let depth = 0;
  let start = 0;
  let open = 0;
  let quote = null;
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (quote !== null) {
      if (c === '\\') {
        i++;
      } else if (c === quote) {
        quote = null;
      }
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '{') {
      if (depth === 0) {
        open = i;
      }

      depth++;
    } else if (c === '}') {
      depth--;
      if (depth === 0) {
        blocks.push({ prelude: css.slice(start, open).trim(), body: css.slice(open + 1, i) });
        start = i + 1;
      }
    }
  }

  if (depth !== 0 || css.slice(start).trim() !== '' || blocks.some(block => block.prelude.includes(';'))) {
    fail('a DSFR stylesheet this script cannot read block by block');
  }

  return blocks;
}

// The rules of the icons asked for (.fr-icon-<name>:after,.fr-icon-<name>:before{...}) from their families'
// stylesheets, in the @media blocks they come in (Internet Explorer's has one of its own).
function iconRules(icons) {
  const wanted = new Set(icons.map(icon => `.fr-icon-${icon}:after,.fr-icon-${icon}:before`));
  const found = new Set();
  const rules = [];
  for (const family of readdirSync(`${dist}/utility/icons`, { withFileTypes: true }).filter(entry => entry.isDirectory())) {
    const file = `utility/icons/${family.name}/${family.name}.min.css`;
    if (!existsSync(`${dist}/${file}`)) {
      continue;
    }

    const kept = withoutComments(readFileSync(`${dist}/${file}`, 'utf8'))
      .replace(/([^{}]+)\{[^{}]*\}/g, (rule, selector) => {
        if (!wanted.has(selector.trim())) {
          return '';
        }

        found.add(selector.trim());
        return rule;
      })
      .replace(/@media[^{}]*\{\}/g, '')
      .replace(/@media[^{}]*-ms-high-contrast[^{}]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, '') // Internet Explorer's, as above
      .trim();
    if (kept !== '') {
      rules.push(rebase(kept, path.posix.dirname(file)));
    }
  }

  for (const selector of wanted) {
    if (!found.has(selector)) {
      fail(`no rule ${selector} in the DSFR's icon families`);
    }
  }

  return rules;
}

function rebase(css, folder) {
  return css.replace(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^"')\s]*))\s*\)/g, (whole, doubleQuoted, singleQuoted, bare) => {
    const url = doubleQuoted ?? singleQuoted ?? bare;
    if (/^(data:|https?:|\/|#)/.test(url)) {
      return whole;
    }

    const resolved = path.posix.normalize(path.posix.join(folder, url));
    if (resolved.startsWith('..') || !existsSync(`${dist}/${resolved}`)) {
      fail(`${folder}: url(${url}) leads to no file of the DSFR`);
    }

    assets.add(resolved);
    return `url(${resolved})`;
  });
}

// A stylesheet without @charset and comments (the DSFR's banner, source map and media markers), strings left whole.
function withoutComments(css) {
  let out = '';
  let quote = null;
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (quote === null && c === '/' && css[i + 1] === '*') {
      i = css.indexOf('*/', i + 2) + 1;
      continue;
    }

    if (quote !== null && c === '\\') {
      out += c + css[++i];
      continue;
    }

    if (quote === null && (c === '"' || c === "'")) {
      quote = c;
    } else if (c === quote) {
      quote = null;
    }

    out += c;
  }

  return out.replace(/^\s*@charset "UTF-8";/, '').trim();
}

// A DSFR module script without its banner line and its source map comment (the bundle has one banner).
function withoutBannerAndSourceMap(script) {
  return script.replace(/^\/\*![^\n]*\*\/\n/, '').replace(/\n\/\/# sourceMappingURL=.*\s*$/, '').trim();
}

function importedNames(file, pattern) {
  return [...readFileSync(file, 'utf8').matchAll(pattern)].map(match => match[1]);
}

function copy(file) {
  mkdirSync(path.posix.dirname(`${target}/${file}`), { recursive: true });
  copyFileSync(`${dist}/${file}`, `${target}/${file}`);
}

function fail(message) {
  console.error(`dsfr-site.mjs: ${message}`);
  process.exit(1);
}
