/**
 * The public profile of an entity (core PublicProfile), every item with its source. Labels come
 * from the public pages' dictionary (`t`, Chinese unless the page passes another language); the
 * entity's own name, address and records stay as written. `large`: 大字模式. A kind with more
 * records than the profile previews (its `moreRecords`) offers 查看全部, which pages them all.
 */
import { wordsFor } from '../../lib/core';

Component({
  properties: {
    profile: { type: Object, value: {} },
    t: { type: Object, value: wordsFor('zh') },
    large: { type: Boolean, value: false },
  },
  methods: {
    viewAll(e: WechatMiniprogram.TouchEvent) {
      const kind = (e.currentTarget.dataset as { kind?: string }).kind ?? '';
      const { uscc, name } = this.data.profile as { uscc?: string; name?: string };
      wx.navigateTo({ url: `/pages/records/records?uscc=${uscc ?? ''}&kind=${kind}&name=${encodeURIComponent(name ?? '')}` });
    },
  },
});
