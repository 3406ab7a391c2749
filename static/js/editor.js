/*
 * Protokol – progressive enhancement for forms.
 *
 * 1. Rich text: every <textarea data-editor="rich"> becomes a Jodit editor.
 *    The textarea stays in the form (Jodit hides it and keeps its value in
 *    sync), so the field is posted as usual. If Jodit did not load, nothing
 *    happens and the plain textarea remains usable.
 *    Pasted HTML is kept (tables, lists, headings, links); the server
 *    sanitises it with nh3, so the client does not strip anything.
 *
 * 2. Unsaved changes: in a <form data-track-changes>, the first change sets
 *    data-dirty="true" on the form and un-hides [data-unsaved-notice] inside
 *    it. While any such form is dirty, leaving the page asks for
 *    confirmation (beforeunload). Submitting or resetting the form clears it.
 *
 * Works with content swapped in by htmx (initialised on htmx:load).
 */
(function () {
  'use strict';

  // Jodit ships no Danish translation; these cover the toolbar and the
  // link/table popups used here. Anything missing falls back to English.
  var DA = {
    'Insert format block': 'Afsnitsformat',
    Paragraph: 'Brødtekst',
    Normal: 'Brødtekst',
    'Heading 3': 'Overskrift 3',
    'Heading 4': 'Overskrift 4',
    Bold: 'Fed',
    Italic: 'Kursiv',
    Underline: 'Understreget',
    'Insert Unordered List': 'Punktopstilling',
    'Insert Ordered List': 'Nummereret liste',
    'Insert link': 'Indsæt link',
    'Insert table': 'Indsæt tabel',
    Undo: 'Fortryd',
    Redo: 'Annullér fortryd',
    URL: 'URL',
    ' URL': 'URL',
    Text: 'Tekst',
    'Open in new tab': 'Åbn i ny fane',
    'Open link': 'Åbn link',
    'Edit link': 'Redigér link',
    Unlink: 'Fjern link',
    'No follow': 'No follow',
    Link: 'Link',
    Insert: 'Indsæt',
    Update: 'Opdatér',
    Cancel: 'Annullér',
    Ok: 'OK',
    Yes: 'Ja',
    No: 'Nej',
    Delete: 'Slet',
    Remove: 'Fjern',
    Apply: 'Anvend',
    Add: 'Tilføj',
    'Insert column before': 'Indsæt kolonne før',
    'Insert column after': 'Indsæt kolonne efter',
    'Insert row above': 'Indsæt række over',
    'Insert row below': 'Indsæt række under',
    'Add column': 'Tilføj kolonne',
    'Add row': 'Tilføj række',
    'Delete table': 'Slet tabel',
    'Delete row': 'Slet række',
    'Delete column': 'Slet kolonne',
    'Empty cell': 'Tøm celle',
    Merge: 'Flet celler',
    Split: 'Opdel',
    'Split vertical': 'Opdel lodret',
    'Split horizontal': 'Opdel vandret',
    'Vertical align': 'Lodret justering',
    'Horizontal align': 'Vandret justering',
    Top: 'Top',
    Middle: 'Midt',
    Bottom: 'Bund',
    Left: 'Venstre',
    Center: 'Centreret',
    Right: 'Højre',
    'Please fill out this field': 'Udfyld dette felt',
    'Please enter a web address': 'Indtast en webadresse',
    "Your browser doesn't support direct access to the clipboard.":
      'Din browser understøtter ikke direkte adgang til udklipsholderen.'
  };

  var TOOLBAR = [
    'paragraph', '|',
    'bold', 'italic', 'underline', '|',
    'ul', 'ol', '|',
    'link', 'table', '|',
    'undo', 'redo'
  ];

  var UNUSED_PLUGINS = [
    'about', 'ai-assistant', 'class-span', 'color', 'copy-format', 'debug',
    'drag-and-drop', 'drag-and-drop-element', 'file', 'font', 'fullsize',
    'iframe', 'image', 'image-processor', 'image-properties', 'media',
    'paste-storage', 'powered-by-jodit', 'preview', 'print', 'search',
    'source', 'speech-recognize', 'spellcheck', 'symbols', 'video', 'xpath'
  ].join(',');

  // ---------------------------------------------------------------------
  // Unsaved-changes tracking
  // ---------------------------------------------------------------------

  function trackedForm(el) {
    var form = el && (el.form || (el.closest && el.closest('form')));
    return form && form.hasAttribute('data-track-changes') ? form : null;
  }

  function markDirty(form) {
    if (!form || form.getAttribute('data-dirty') === 'true') {
      return;
    }
    form.setAttribute('data-dirty', 'true');
    var notice = form.querySelector('[data-unsaved-notice]');
    if (notice) {
      notice.removeAttribute('hidden');
    }
  }

  function clearDirty(form) {
    form.removeAttribute('data-dirty');
  }

  function onFieldChange(event) {
    var form = trackedForm(event.target);
    if (form && event.target.name) {
      markDirty(form);
    }
  }

  document.addEventListener('input', onFieldChange, true);
  document.addEventListener('change', onFieldChange, true);

  document.addEventListener('reset', function (event) {
    if (event.target.hasAttribute && event.target.hasAttribute('data-track-changes')) {
      clearDirty(event.target);
    }
  }, true);

  window.addEventListener('beforeunload', function (event) {
    if (document.querySelector('form[data-track-changes][data-dirty="true"]')) {
      event.preventDefault();
      event.returnValue = ''; // older browsers need a value to show the prompt
    }
  });

  // ---------------------------------------------------------------------
  // Rich text editor
  // ---------------------------------------------------------------------

  var editors = [];

  // Jodit 4 throttles synchronizeValues(): called right after typing (Jodit
  // itself calls it on every keyup) it returns without copying, and the
  // form would post the text minus the last keystrokes. setEditorValue()
  // with no argument is the immediate copy that the throttled call makes.
  function syncAll() {
    editors.forEach(function (editor) {
      if (!editor.isDestructed) {
        editor.setEditorValue();
      }
    });
  }

  // Capture phase: runs before htmx or any other submit handler reads the
  // form, so the textarea always carries the editor's latest HTML.
  document.addEventListener('submit', function (event) {
    syncAll();
    var form = event.target;
    if (form.hasAttribute && form.hasAttribute('data-track-changes')) {
      clearDirty(form);
    }
  }, true);

  function labelFor(textarea) {
    if (!textarea.id) {
      return null;
    }
    return document.querySelector('label[for="' + CSS.escape(textarea.id) + '"]');
  }

  function makeEditor(textarea) {
    var editor = window.Jodit.make(textarea, {
      language: 'da',
      i18n: { da: DA },
      buttons: TOOLBAR,
      buttonsMD: TOOLBAR,
      buttonsSM: TOOLBAR,
      buttonsXS: TOOLBAR,
      toolbarAdaptive: false,
      toolbarSticky: false,
      showCharsCounter: false,
      showWordsCounter: false,
      showXPathInStatusbar: false,
      hidePoweredByJodit: true,
      disablePlugins: UNUSED_PLUGINS,
      showPlaceholder: Boolean(textarea.getAttribute('placeholder')),
      placeholder: textarea.getAttribute('placeholder') || '',
      enter: 'p',
      minHeight: 200,
      height: 'auto',
      width: '100%',
      tabIndex: 0, // Jodit's default (-1) takes the text area out of the Tab order
      // Keep pasted HTML; no "keep/clean?" dialogs. The server sanitises.
      askBeforePasteHTML: false,
      askBeforePasteFromWord: false,
      processPasteFromWord: true,
      defaultActionOnPaste: 'insert_as_html',
      defaultActionOnPasteFromWord: 'insert_as_html',
      beautifyHTML: false,
      link: {
        noFollowCheckbox: false,
        openInNewTabCheckbox: true
      },
      controls: {
        paragraph: {
          list: window.Jodit.atom({
            p: 'Normal',
            h3: 'Heading 3',
            h4: 'Heading 4'
          })
        },
        // Plain bullet/number lists, no list-style sub-menu.
        ul: { list: null },
        ol: { list: null }
      }
    });

    // Accessibility: give the editable area the field's name, description
    // and error state, and let the <label> focus it.
    var area = editor.editor;
    var label = labelFor(textarea);
    area.setAttribute('role', 'textbox');
    area.setAttribute('aria-multiline', 'true');
    if (label) {
      if (!label.id) {
        label.id = textarea.id + '-label';
      }
      area.setAttribute('aria-labelledby', label.id);
      label.addEventListener('click', function (event) {
        event.preventDefault();
        editor.s.focus();
      });
    }
    ['aria-describedby', 'aria-invalid', 'aria-required'].forEach(function (name) {
      if (textarea.hasAttribute(name)) {
        area.setAttribute(name, textarea.getAttribute(name));
      }
    });
    if (textarea.required) {
      // A hidden required textarea would silently block submission; the
      // server validates the field anyway.
      textarea.required = false;
      area.setAttribute('aria-required', 'true');
    }

    // Unsaved-changes tracking: the textarea gets no input events while
    // Jodit is in charge, so compare against the value after start-up.
    var initial = editor.value;
    editor.events.on('change', function () {
      if (editor.value !== initial) {
        markDirty(trackedForm(textarea));
      }
    });

    editors.push(editor);
    return editor;
  }

  function initEditors(root) {
    if (typeof window.Jodit === 'undefined' || !root.querySelectorAll) {
      return; // Jodit missing: keep the plain textarea.
    }
    var scope = root.matches && root.matches('textarea[data-editor="rich"]') ? [root]
      : root.querySelectorAll('textarea[data-editor="rich"]');
    Array.prototype.forEach.call(scope, function (textarea) {
      if (textarea.getAttribute('data-editor-ready') === 'true') {
        return;
      }
      try {
        makeEditor(textarea);
        textarea.setAttribute('data-editor-ready', 'true');
      } catch (err) {
        // Leave the textarea as it is; the form still works.
        if (window.console) {
          window.console.error('Protokol: editoren kunne ikke startes', err);
        }
      }
    });
  }

  // Destroy editors whose textarea htmx is about to remove.
  document.addEventListener('htmx:beforeCleanupElement', function (event) {
    editors = editors.filter(function (editor) {
      if (!editor.isDestructed && event.target.contains(editor.element)) {
        editor.destruct();
        return false;
      }
      return !editor.isDestructed;
    });
  });

  if (window.htmx && typeof window.htmx.onLoad === 'function') {
    // htmx calls this for <body> on page load and for every swapped fragment.
    window.htmx.onLoad(initEditors);
  } else if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () {
      initEditors(document);
    });
  } else {
    initEditors(document);
  }
})();
