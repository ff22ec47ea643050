/**
 * WeChat's built-in components with real browser behaviour. miniprogram-simulate registers them
 * as empty `<slot/>` wrappers (enough for unit tests); a person needs to type into `<input>`,
 * pick from `<picker>`, see `<image>` and submit `<form>`. Each is a j-component whose host element
 * (`wx-input`, …) gets a native control appended when attached; events reach the page through
 * `triggerEvent`, exactly as the page's `bindinput` / `bindchange` / `bindsubmit` expect.
 */
import { canvas, icon, image, navigatorComponent, progress, richText } from './display';
import { button, checkable, form, group, label, picker, textField } from './fields';

/** Replaces miniprogram-simulate's empty built-ins; call after it is loaded. */
export function registerBuiltins(): void {
  textField('input');
  textField('textarea');
  picker();
  checkable('checkbox');
  checkable('radio');
  checkable('switch');
  group('checkbox-group', 'checkbox');
  group('radio-group', 'radio');
  image();
  button();
  form();
  label();
  navigatorComponent();
  richText();
  progress();
  icon();
  canvas();
}
