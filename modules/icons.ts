/**
 * Renders the one icon drawing (extension/assets/icon.svg) to the PNG sizes the stores and
 * browsers ask for, as public files icon/<size>.png: WXT lists them as the manifest's `icons`, and
 * this module also makes them the toolbar button's icon. Pages use /icon/32.png.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { defineWxtModule } from 'wxt/modules';

export const ICON_SIZES = [16, 32, 48, 128] as const;

export default defineWxtModule({
  name: 'tro-ly-dvc-icons',
  setup(wxt) {
    wxt.hooks.hook('build:publicAssets', async (_wxt, files) => {
      const svg = await readFile(path.resolve(wxt.config.srcDir, 'assets/icon.svg'), 'utf8');
      const dir = path.resolve(wxt.config.wxtDir, 'icons');
      await mkdir(dir, { recursive: true });
      for (const size of ICON_SIZES) {
        const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
        const file = path.join(dir, `${size}.png`);
        await writeFile(file, png);
        files.push({ absoluteSrc: file, relativeDest: `icon/${size}.png` });
      }
    });
    wxt.hooks.hook('build:manifestGenerated', (_wxt, manifest) => {
      const icons = Object.fromEntries(ICON_SIZES.map((s) => [String(s), `icon/${s}.png`]));
      manifest.icons = icons;
      if (manifest.action) manifest.action.default_icon = Object.fromEntries(ICON_SIZES.filter((s) => s <= 48).map((s) => [String(s), `icon/${s}.png`]));
    });
  },
});
