/** A status word in its colour: 有效 green, 暂停 and 旧码 amber, 已撤销 and 无效码 red, 尚未赋码 grey (core PUBLIC_VERDICTS tones). */
Component({
  properties: {
    label: { type: String, value: '' },
    tone: { type: String, value: 'grey' },
    /** The verify page's one-glance banner. */
    big: { type: Boolean, value: false },
  },
});
