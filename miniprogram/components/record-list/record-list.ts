/**
 * The records of one kind (core PublicRecord: 主动承诺, 守信激励, 自愿注册, 其他信用信息), each with its
 * source: what the profile previews and what 查看全部 (pages/records) pages through, written once.
 */
import { wordsFor } from '../../lib/core';

Component({
  properties: {
    kind: { type: String, value: '' },
    items: { type: Array, value: [] },
    t: { type: Object, value: wordsFor('zh') },
    large: { type: Boolean, value: false },
  },
});
