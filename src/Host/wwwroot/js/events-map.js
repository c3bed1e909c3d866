// The public maps: /carte draws the labelled events from the GeoJSON API (same filters as the page's
// list), clustered; /evenements/{id} shows one event's place. France (metropolitan and overseas) is
// drawn from /geo/regions.geojson shipped with the app, so no tile server is needed; tiles are added
// only when configured (Map:TileUrl). Popups are built with DOM nodes and textContent: what an
// organiser typed is never parsed as HTML.
(function () {
    'use strict';
    if (!window.L) {
        return;
    }

    var metropolitan = [[41.3, -5.2], [51.1, 9.6]];
    var dateFormat = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

    function baseMap(element) {
        var map = L.map(element, { maxZoom: 16, minZoom: 2, zoomSnap: 0.5 });
        map.attributionControl.setPrefix(false);
        var tiles = element.getAttribute('data-tiles');
        if (tiles) {
            L.tileLayer(tiles, { attribution: element.getAttribute('data-tiles-attribution') || '' }).addTo(map);
        } else {
            map.attributionControl.addAttribution('Contours : Natural Earth, COG INSEE');
            fetch('/geo/regions.geojson')
                .then(function (response) { return response.ok ? response.json() : Promise.reject(new Error(String(response.status))); })
                .then(function (regions) {
                    L.geoJSON(regions, { style: { color: '#000091', weight: 1, fillColor: '#e3e3fd', fillOpacity: 0.7 }, interactive: false }).addTo(map);
                    element.setAttribute('data-outline', 'drawn');
                });
        }
        return map;
    }

    // « 2020-11-16T09:00:00 » is a Paris wall-clock time: read it as written, never through the browser's zone.
    function session(value) {
        var parts = value.split('T');
        var day = parts[0].split('-');
        var time = (parts[1] || '00:00').split(':');
        var date = dateFormat.format(new Date(Date.UTC(+day[0], +day[1] - 1, +day[2])));
        return date + ', ' + (+time[0]) + ' h ' + time[1];
    }

    function paragraph(text, className) {
        var p = document.createElement('p');
        p.className = className || 'fr-text--sm fr-mb-1v';
        p.textContent = text;
        return p;
    }

    function popup(feature) {
        var properties = feature.properties;
        var box = document.createElement('div');
        var heading = document.createElement('p');
        heading.className = 'fr-text--bold fr-mb-1v';
        var link = document.createElement('a');
        link.href = '/evenements/' + encodeURIComponent(feature.id);
        link.textContent = properties.title;
        heading.appendChild(link);
        box.appendChild(heading);
        var sessions = properties.sessions || [];
        if (sessions.length) {
            box.appendChild(paragraph(session(sessions[0].start) + (sessions.length > 1 ? ' (et ' + (sessions.length - 1) + ' autre' + (sessions.length > 2 ? 's' : '') + ')' : '')));
        }
        box.appendChild(paragraph((properties.city || 'En ligne') + ' – ' + properties.organisation));
        return box;
    }

    var single = document.getElementById('event-map');
    if (single) {
        var point = [parseFloat(single.getAttribute('data-latitude')), parseFloat(single.getAttribute('data-longitude'))];
        var small = baseMap(single);
        small.setView(point, 7);
        L.marker(point, { title: single.getAttribute('data-title') || '', keyboard: false }).addTo(small);
    }

    var element = document.getElementById('events-map');
    if (!element) {
        return;
    }

    var map = baseMap(element);
    map.fitBounds(metropolitan);
    // Clusters split and merge without animation: a pin is where it stays as soon as it is drawn (a pin clicked
    // during the animation could be redrawn under the pointer and lose its popup), and less motion on screen.
    var layer = L.markerClusterGroup ? L.markerClusterGroup({ showCoverageOnHover: false, chunkedLoading: true, animate: false }) : L.layerGroup();
    layer.addTo(map);

    fetch(element.getAttribute('data-api'), { headers: { Accept: 'application/geo+json' } })
        .then(function (response) { return response.ok ? response.json() : Promise.reject(new Error(String(response.status))); })
        .then(function (collection) {
            var markers = [];
            collection.features.forEach(function (feature) {
                if (!feature.geometry) {
                    return; // online only: in the list, not on the map
                }
                var c = feature.geometry.coordinates;
                var marker = L.marker([c[1], c[0]], { title: feature.properties.title });
                marker.bindPopup(function () { return popup(feature); });
                markers.push(marker);
            });
            if (layer.addLayers) {
                layer.addLayers(markers);
            } else {
                markers.forEach(function (marker) { layer.addLayer(marker); });
            }
            if (markers.length) {
                var bounds = L.featureGroup(markers).getBounds();
                // Pins both in mainland France and overseas: keep the mainland view rather than the whole globe.
                // Without animation either, for the same reason: the view is final when the page says the pins are there.
                if (bounds.getEast() - bounds.getWest() < 40) {
                    map.fitBounds(bounds, { maxZoom: 10, padding: [24, 24], animate: false });
                }
            }
            element.setAttribute('data-pins', String(markers.length));
        })
        .catch(function () {
            element.setAttribute('data-pins', 'error');
            element.parentNode.insertBefore(paragraph("La carte n'a pas pu être chargée : la liste ci-dessous donne les mêmes événements.", 'fr-error-text'), element);
        });
})();
