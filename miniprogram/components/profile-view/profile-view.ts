/**
 * The public profile of an entity (core PublicProfile), every item with its source. Labels come
 * from the public pages' dictionary (`t`, Chinese unless the page passes another language); the
 * entity's own name, address and records stay as written. `large`: 大字模式.
 */
import { wordsFor } from '../../lib/core';

Component({
  properties: {
    profile: { type: Object, value: {} },
    t: { type: Object, value: wordsFor('zh') },
    large: { type: Boolean, value: false },
  },
});
