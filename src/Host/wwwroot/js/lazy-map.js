// An event's page: its small map lies below the text on a phone, and most visitors never scroll to it. Leaflet, its
// styles and France's outline (about 80 KB) are loaded only when the map comes near the screen; the files are those
// the page lists in <template id="event-map-assets"> (their fingerprinted addresses).
(function () {
    'use strict';
    var element = document.getElementById('event-map');
    var assets = document.getElementById('event-map-assets');
    if (!element || !assets) {
        return;
    }

    function load() {
        Array.prototype.forEach.call(assets.content.children, function (node) {
            var copy;
            if (node.tagName === 'SCRIPT') {
                copy = document.createElement('script');
                copy.src = node.getAttribute('src');
                copy.async = false; // in the template's order: Leaflet before the map's script
            } else {
                copy = document.createElement('link');
                copy.rel = 'stylesheet';
                copy.href = node.getAttribute('href');
            }
            document.head.appendChild(copy);
        });
    }

    if (!('IntersectionObserver' in window)) {
        load();
        return;
    }

    var observer = new IntersectionObserver(function (entries) {
        if (entries.some(function (entry) { return entry.isIntersecting; })) {
            observer.disconnect();
            load();
        }
    }, { rootMargin: '200px 0px' });
    observer.observe(element);
})();
