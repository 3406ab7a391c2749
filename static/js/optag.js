/*
 * Recording page: choosing a standard phrase puts it in the decision text (the server does
 * the same without JavaScript when the text is empty). Delegated, so it also works on
 * item forms that htmx swaps in after a save.
 */
(function () {
  'use strict';
  document.addEventListener('change', function (event) {
    var picker = event.target;
    if (!picker.matches || !picker.matches('select[data-frase-picker]') || !picker.value) {
      return;
    }
    var form = picker.form;
    var text = form && form.querySelector('textarea[name$="-tekst"]');
    if (!text) {
      return;
    }
    text.value = text.value.trim() ? text.value.trim() + '\n\n' + picker.value : picker.value;
    text.dispatchEvent(new Event('input', { bubbles: true }));
    text.focus();
  });
})();
