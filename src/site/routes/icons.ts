/** `/icons.svg`: the sprite of the pages' icons (../icons.ts). */
import { imageResponse } from '../responses.ts';
import { iconSprite } from '../icons.ts';

export function GET() {
  return imageResponse(iconSprite(), 'svg');
}
