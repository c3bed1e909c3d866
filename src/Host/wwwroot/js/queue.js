// The moderation queue: « Tout sélectionner » ticks (or unticks) every application of the page that can be labelled,
// and follows the rows ticked one by one (ticked when all are, mixed when some are).
(function () {
    'use strict';
    var group = document.getElementById('select-all-group');
    var all = document.getElementById('select-all');
    var form = document.getElementById('bulk');
    if (!group || !all || !form) {
        return;
    }

    var rows = Array.prototype.slice.call(form.querySelectorAll('input[name="Selected"]'));
    if (rows.length === 0) {
        return;
    }

    function follow() {
        var ticked = rows.filter(function (row) { return row.checked; }).length;
        all.checked = ticked === rows.length;
        all.indeterminate = ticked > 0 && ticked < rows.length;
    }

    group.hidden = false;
    all.addEventListener('change', function () {
        rows.forEach(function (row) { row.checked = all.checked; });
        follow();
    });
    rows.forEach(function (row) { row.addEventListener('change', follow); });
    follow();
})();
