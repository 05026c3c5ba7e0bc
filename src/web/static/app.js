/* global document, location, history, CSS */
// wagepact web: progressive enhancement only. Every form works without this script; with it,
//  1. the voting link's credential (in the URL fragment, never sent to the server) is posted for the voter;
//  2. a union field shows only the chosen option's fields;
//  3. rows can be added to repeated groups;
//  4. a CSV file can be read into its text area.
;(function () {
  'use strict'

  // 1. /vote/<sessionId>#<credential>
  var codeForm = document.querySelector('form[data-vote-fragment]')
  if (codeForm && location.hash.length > 1) {
    var credential = location.hash.slice(1)
    try {
      credential = decodeURIComponent(credential)
    } catch {
      /* keep as is */
    }
    // Out of the address bar and the history before anything else happens.
    history.replaceState(null, '', location.pathname + location.search)
    codeForm.querySelector('[name=credential]').value = credential
    var opening = document.getElementById('vote-opening')
    if (opening) opening.hidden = false
    codeForm.hidden = true
    codeForm.submit()
    return
  }

  // 2. Union fields: <select data-variant-select="name"> and panels [data-variant-of="name"][data-variant="value"].
  function syncVariant(select) {
    var name = select.getAttribute('data-variant-select')
    var panels = document.querySelectorAll('[data-variant-of="' + CSS.escape(name) + '"]')
    for (var i = 0; i < panels.length; i++) {
      var on = panels[i].getAttribute('data-variant') === select.value
      panels[i].hidden = !on
      var inputs = panels[i].querySelectorAll('input, select, textarea')
      for (var j = 0; j < inputs.length; j++) inputs[j].disabled = !on
    }
  }
  function syncAll(root) {
    var selects = root.querySelectorAll('[data-variant-select]')
    for (var i = 0; i < selects.length; i++) if (!selects[i].disabled) syncVariant(selects[i])
  }
  document.addEventListener('change', function (e) {
    if (e.target.matches && e.target.matches('[data-variant-select]')) {
      syncVariant(e.target)
      syncAll(document)
    }
  })
  syncAll(document)

  // 3. Rows: <fieldset data-rows="name"> with .row children; the button clones the last row with a new index.
  var sanitize = function (s) {
    return s.replace(/[^A-Za-z0-9_-]/g, '_')
  }
  function addRow(button) {
    var name = button.getAttribute('data-add-row')
    var set = button.closest('fieldset')
    var rows = set.querySelectorAll(':scope > .row')
    var max = Number(set.getAttribute('data-max') || Infinity)
    if (rows.length >= max) return
    var last = rows[rows.length - 1]
    var oldIndex = last.getAttribute('data-row')
    var newIndex = String(Number(oldIndex) + 1)
    var clone = last.cloneNode(true)
    clone.setAttribute('data-row', newIndex)
    var from = name + '.' + oldIndex
    var to = name + '.' + newIndex
    var fromId = sanitize(from)
    var toId = sanitize(to)
    var swap = function (el, attr, a, b) {
      var v = el.getAttribute(attr)
      if (v && v.indexOf(a) >= 0) el.setAttribute(attr, v.split(a).join(b))
    }
    var all = clone.querySelectorAll('*')
    for (var i = 0; i < all.length; i++) {
      var el = all[i]
      swap(el, 'name', from + '.', to + '.')
      if (el.getAttribute('name') === from) el.setAttribute('name', to)
      swap(el, 'data-variant-select', from, to)
      swap(el, 'data-variant-of', from, to)
      swap(el, 'data-rows', from, to)
      swap(el, 'data-add-row', from, to)
      swap(el, 'id', fromId, toId)
      swap(el, 'for', fromId, toId)
      swap(el, 'aria-describedby', fromId, toId)
      el.removeAttribute('aria-invalid')
      if (el.classList.contains('field-error')) el.remove()
      if (el.tagName === 'INPUT') {
        if (el.type === 'checkbox' || el.type === 'radio') el.checked = false
        else if (el.type !== 'hidden') el.value = ''
      } else if (el.tagName === 'TEXTAREA') el.value = ''
      else if (el.tagName === 'SELECT') el.selectedIndex = 0
    }
    var legend = clone.querySelector('legend')
    if (legend) legend.textContent = legend.textContent.replace(/\d+/, String(Number(newIndex) + 1))
    last.after(clone)
    syncAll(clone)
    var focusable = clone.querySelector('input:not([type=hidden]), select, textarea')
    if (focusable) focusable.focus()
  }
  var buttons = document.querySelectorAll('[data-add-row]')
  for (var b = 0; b < buttons.length; b++) buttons[b].hidden = false
  document.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('[data-add-row]')
    if (button) addRow(button)
  })

  // 4. <input type=file data-csv-into="textarea id">
  var files = document.querySelectorAll('input[type=file][data-csv-into]')
  for (var f = 0; f < files.length; f++) {
    files[f].hidden = false
    files[f].addEventListener('change', function (e) {
      var input = e.target
      var file = input.files && input.files[0]
      if (!file) return
      file.text().then(function (text) {
        document.getElementById(input.getAttribute('data-csv-into')).value = text
      })
    })
  }

  // A refused form: bring its problems into view.
  var summary = document.querySelector('.error-summary')
  if (summary) summary.focus()
})()
