import path from 'node:path';
import sharp from 'sharp';

/**
 * Writes `<width>.webp` and `<width>.jpg` for each width into `dir`: square crops from the
 * centre (covers are square in every store), never enlarged past the original.
 */
export async function renderCover(image: Buffer, widths: readonly number[], dir: string): Promise<void> {
  for (const width of widths) {
    const resized = sharp(image).rotate().resize(width, width, { fit: 'cover', withoutEnlargement: true });
    await resized
      .clone()
      .webp({ quality: 82 })
      .toFile(path.join(dir, `${width}.webp`));
    await resized
      .clone()
      .jpeg({ quality: 85, mozjpeg: true })
      .toFile(path.join(dir, `${width}.jpg`));
  }
}
