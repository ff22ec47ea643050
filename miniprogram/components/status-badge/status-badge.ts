/** A status word in its colour: 有效 green, 暂停 amber, 已撤销 red, 无效码 grey (core VERDICTS tones). */
Component({
  properties: {
    label: { type: String, value: '' },
    tone: { type: String, value: 'grey' },
    /** The verify page's one-glance banner. */
    big: { type: Boolean, value: false },
  },
});
