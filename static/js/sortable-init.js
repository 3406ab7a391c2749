/*
 * Protokol – drag-and-drop ordering (progressive enhancement).
 *
 * Markup:
 *   <ol data-sortable data-sortable-url="{% url '...' %}">
 *     <li data-id="12"><span data-drag-handle aria-hidden="true">…</span> …
 *         (server-rendered up/down forms stay as they are) </li>
 *   </ol>
 *
 * After a drop the new order is POSTed as order=<id>&order=<id>… (form
 * encoded, X-CSRFToken header) to data-sortable-url and the page reloads so
 * the server renders the numbering. Without JavaScript (or without
 * SortableJS) nothing changes and the up/down buttons do the job.
 * The list gets the class "is-sortable" once enabled; protokol.css shows the
 * drag handles only then.
 */
(function () {
  'use strict';

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (match) {
      return decodeURIComponent(match[1]);
    }
    var input = document.querySelector('[name=csrfmiddlewaretoken]');
    if (input && input.value) {
      return input.value;
    }
    try { // fall back to the token base.html gives htmx
      var headers = JSON.parse(document.body.getAttribute('hx-headers') || '{}');
      return headers['X-CSRFToken'] || '';
    } catch (err) {
      return '';
    }
  }

  function items(list) {
    return Array.prototype.filter.call(list.children, function (el) {
      return el.hasAttribute('data-id');
    });
  }

  function saveOrder(list, sortable) {
    var url = list.getAttribute('data-sortable-url');
    if (!url) {
      return;
    }
    var body = new URLSearchParams();
    items(list).forEach(function (el) {
      body.append('order', el.getAttribute('data-id'));
    });
    sortable.option('disabled', true);
    list.setAttribute('aria-busy', 'true');
    fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'X-CSRFToken': csrfToken(),
        'X-Requested-With': 'XMLHttpRequest'
      },
      body: body
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
    }).catch(function () {
      window.alert('Den nye rækkefølge kunne ikke gemmes. Siden indlæses igen.');
    }).then(function () {
      window.location.reload();
    });
  }

  function init(root) {
    if (typeof window.Sortable === 'undefined' || !root.querySelectorAll) {
      return;
    }
    var lists = root.matches && root.matches('[data-sortable]') ? [root]
      : root.querySelectorAll('[data-sortable]');
    Array.prototype.forEach.call(lists, function (list) {
      if (list.classList.contains('is-sortable')) {
        return;
      }
      var sortable = window.Sortable.create(list, {
        handle: '[data-drag-handle]',
        draggable: '[data-id]',
        animation: 150,
        ghostClass: 'sortable-ghost',
        chosenClass: 'sortable-chosen',
        onEnd: function (event) {
          if (event.oldIndex !== event.newIndex) {
            saveOrder(list, sortable);
          }
        }
      });
      list.classList.add('is-sortable');
    });
  }

  if (window.htmx && typeof window.htmx.onLoad === 'function') {
    window.htmx.onLoad(init);
  } else if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { init(document); });
  } else {
    init(document);
  }
})();
