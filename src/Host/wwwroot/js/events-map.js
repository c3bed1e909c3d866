// The public maps: /carte draws the labelled events from their compact pins (/api/map/pins, same filters as
// the page's list), clustered by Supercluster, and a popup asks for its event's details (/api/map/events/{id}) when it
// opens; /evenements/{id} shows one event's place. France (metropolitan and overseas) is
// drawn from /geo/regions.geojson shipped with the app, so no tile server is needed; tiles are added
// under it when configured (Map:TileUrl). Popups are built with DOM nodes and textContent: what an
// organiser typed is never parsed as HTML.
(function () {
    'use strict';
    // On /carte the DSFR's own script (menus, dark scheme…) waits for the first pins (the layout's #site-script): on a
    // phone its start would otherwise run before them. Started once, whatever happens to the map.
    var siteScript = document.getElementById('site-script');
    function startSiteScript() {
        if (siteScript) {
            import(siteScript.href);
            siteScript = null;
        }
    }

    if (!window.L) {
        startSiteScript();
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
        }
        // France's outline, over the tiles too (barely filled there): when the tile server cannot be reached, France
        // is still drawn and the pins stay where they are.
        map.attributionControl.addAttribution('Contours : Natural Earth, COG INSEE');
        fetch('/geo/regions.geojson')
            .then(function (response) { return response.ok ? response.json() : Promise.reject(new Error(String(response.status))); })
            .then(function (regions) {
                L.geoJSON(regions, { style: { color: '#000091', weight: 1, fillColor: '#e3e3fd', fillOpacity: tiles ? 0.1 : 0.7 }, interactive: false }).addTo(map);
                element.setAttribute('data-outline', 'drawn');
            });
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

    function heading(id, title) {
        var p = document.createElement('p');
        p.className = 'fr-text--bold fr-mb-1v';
        var link = document.createElement('a');
        link.href = '/evenements/' + encodeURIComponent(id);
        link.textContent = title;
        p.appendChild(link);
        return p;
    }

    // The first session (and how many others), then the place and the organiser.
    function details(properties) {
        var lines = [];
        var sessions = properties.sessions || [];
        if (sessions.length) {
            lines.push(paragraph(session(sessions[0].start) + (sessions.length > 1 ? ' (et ' + (sessions.length - 1) + ' autre' + (sessions.length > 2 ? 's' : '') + ')' : '')));
        }
        lines.push(paragraph((properties.city || 'En ligne') + ' – ' + properties.organisation));
        return lines;
    }

    function getJson(url, type) {
        return fetch(url, { headers: { Accept: type } })
            .then(function (response) { return response.ok ? response.json() : Promise.reject(new Error(String(response.status))); });
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
        startSiteScript();
        return;
    }

    var map = baseMap(element);
    map.fitBounds(metropolitan);
    // Pins are clustered by Supercluster (an index of every zoom level, built once when the pins arrive) and only
    // what the view shows is drawn: a marker per cluster or pin in sight, kept while it stays in sight, so that an
    // open popup survives a pan. Clusters split and merge without animation: a pin is where it stays once drawn.
    var pinsLayer = L.featureGroup().addTo(map);
    var clustersLayer = L.layerGroup().addTo(map);
    var index = null;
    var drawn = {};

    function clusterMarker(cluster) {
        var count = cluster.properties.point_count;
        var size = count < 10 ? 'small' : count < 100 ? 'medium' : 'large';
        var marker = L.marker([cluster.geometry.coordinates[1], cluster.geometry.coordinates[0]], {
            title: count + ' événements : agrandir',
            icon: L.divIcon({ html: '<div><span>' + count + '</span></div>', className: 'marker-cluster marker-cluster-' + size, iconSize: L.point(40, 40) })
        });
        marker.on('click', function () {
            var zoom = index.getClusterExpansionZoom(cluster.id);
            if (zoom <= map.getMaxZoom()) {
                map.setView(marker.getLatLng(), zoom, { animate: false });
                return;
            }
            // Events at the same place never split: their list, each with its page.
            var box = document.createElement('div');
            box.appendChild(paragraph(count + ' événements à cet endroit', 'fr-text--bold fr-mb-1v'));
            index.getLeaves(cluster.id, Infinity).forEach(function (leaf) { box.appendChild(heading(leaf.properties.pin.id, leaf.properties.pin.title)); });
            L.popup().setLatLng(marker.getLatLng()).setContent(box).openOn(map);
        });
        return marker;
    }

    function pinMarker(pin) {
        var marker = L.marker([pin.lat, pin.lon], { title: pin.title });
        marker.pin = pin;
        return marker;
    }

    function redraw() {
        if (!index) {
            return;
        }
        var bounds = map.getBounds().pad(0.25);
        var next = {};
        index.getClusters([bounds.getWest(), Math.max(bounds.getSouth(), -85), bounds.getEast(), Math.min(bounds.getNorth(), 85)], Math.floor(map.getZoom()))
            .forEach(function (feature) {
                var key = feature.properties.cluster ? 'c' + feature.id : 'p' + feature.properties.pin.id;
                next[key] = drawn[key] || (feature.properties.cluster ? clusterMarker(feature) : pinMarker(feature.properties.pin));
            });
        Object.keys(drawn).forEach(function (key) {
            if (!next[key]) {
                (key[0] === 'c' ? clustersLayer : pinsLayer).removeLayer(drawn[key]);
            }
        });
        Object.keys(next).forEach(function (key) {
            if (!drawn[key]) {
                (key[0] === 'c' ? clustersLayer : pinsLayer).addLayer(next[key]);
            }
        });
        drawn = next;
    }
    map.on('moveend', redraw);

    // An administrator's preview of an edition not yet public previews its events' details too.
    var api = new URL(element.getAttribute('data-api'), window.location.href);
    var detailsQuery = (api.searchParams.get('preview') || '').toLowerCase() === 'true' ? '?preview=true' : '';

    // The pin's title and link at once; its date, place and organiser from the event's Feature, asked for at the
    // first opening. Once there, the popup keeps them; after a failure, the next opening asks again. One popup for the
    // whole layer, filled for the pin clicked: thousands of pins, no popup of their own to build before they are drawn.
    var boxes = {};
    function popupContent(marker) {
        var pin = marker.pin;
        if (boxes[pin.id]) {
            return boxes[pin.id];
        }

        var box = boxes[pin.id] = document.createElement('div');
        box.appendChild(heading(pin.id, pin.title));
        var status = paragraph('Chargement des détails…');
        box.appendChild(status);
        getJson('/api/map/events/' + encodeURIComponent(pin.id) + detailsQuery, 'application/geo+json').then(function (feature) {
            box.removeChild(status);
            details(feature.properties).forEach(function (line) { box.appendChild(line); });
        }, function () {
            status.className = 'fr-error-text fr-mb-1v';
            status.textContent = "Les détails n'ont pas pu être chargés : la page de l'événement les donne.";
            // Asked again at the next opening: once this one is closed (the popup goes with the page's one popup).
            if (pinsLayer.isPopupOpen()) {
                map.once('popupclose', function () { delete boxes[pin.id]; });
            } else {
                delete boxes[pin.id];
            }
        }).then(function () {
            if (pinsLayer.isPopupOpen()) {
                pinsLayer.getPopup().update(); // laid out again at its new size
            }
        });
        return box;
    }
    pinsLayer.bindPopup(popupContent);

    getJson(api.href, 'application/json')
        .then(function (answer) {
            // Online-only events have no pin: they are in the list, not on the map.
            // The view first, from the coordinates, then the pins: clustered once, drawn at the final zoom.
            if (answer.pins.length) {
                var bounds = L.latLngBounds(answer.pins.map(function (pin) { return [pin.lat, pin.lon]; }));
                // Pins both in mainland France and overseas: keep the mainland view rather than the whole globe.
                // Without animation either, for the same reason: the view is final when the page says the pins are there.
                if (bounds.getEast() - bounds.getWest() < 40) {
                    map.fitBounds(bounds, { maxZoom: 10, padding: [24, 24], animate: false });
                }
            }
            // Clustered up to the map's last zoom: events at the same place stay one marker there, listed when clicked.
            index = new Supercluster({ radius: 60, maxZoom: map.getMaxZoom() });
            index.load(answer.pins.map(function (pin) {
                return { type: 'Feature', geometry: { type: 'Point', coordinates: [pin.lon, pin.lat] }, properties: { pin: pin } };
            }));
            redraw();
            element.setAttribute('data-pins', String(answer.pins.length));
            startSiteScript();
        })
        .catch(function () {
            startSiteScript();
            element.setAttribute('data-pins', 'error');
            element.parentNode.insertBefore(paragraph("La carte n'a pas pu être chargée : la liste ci-dessous donne les mêmes événements.", 'fr-error-text'), element);
        });
})();
