// The event form's map: click to place the event, drag to refine; fills Latitude/Longitude, and
// follows them when typed. France (metropolitan and overseas) is drawn from /geo/regions.geojson,
// shipped with the app: no tile server is needed. Also fills the commune list from the postal code, and
// places the pin at the chosen commune's centre (or its department's chef-lieu) until the organiser moves it.
(function () {
    'use strict';
    var element = document.getElementById('pin-map');
    var latitude = document.getElementById('Latitude');
    var longitude = document.getElementById('Longitude');
    if (!element || !latitude || !longitude || !window.L) {
        return;
    }

    var territories = [
        { name: 'Métropole', bounds: [[41.3, -5.2], [51.1, 9.6]] },
        { name: 'Guadeloupe', bounds: [[15.8, -61.85], [16.55, -60.95]] },
        { name: 'Martinique', bounds: [[14.35, -61.25], [14.9, -60.8]] },
        { name: 'Guyane', bounds: [[2.1, -54.65], [5.8, -51.6]] },
        { name: 'La Réunion', bounds: [[-21.4, 55.2], [-20.85, 55.85]] },
        { name: 'Mayotte', bounds: [[-13.05, 44.95], [-12.6, 45.35]] }
    ];
    var regionTerritory = { '01': 1, '02': 2, '03': 3, '04': 4, '06': 5 };

    var map = L.map(element, { maxZoom: 16, minZoom: 3, zoomSnap: 0.5 });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution('Contours : Natural Earth, COG INSEE ; centres des communes : GeoNames (CC BY 4.0)');
    map.fitBounds(territories[0].bounds);

    fetch('/geo/regions.geojson')
        .then(function (response) {
            if (!response.ok) {
                throw new Error('/geo/regions.geojson : ' + response.status);
            }
            return response.json();
        })
        .then(function (regions) {
            L.geoJSON(regions, { style: { color: '#000091', weight: 1, fillColor: '#e3e3fd', fillOpacity: 0.7 }, interactive: false }).addTo(map);
        });

    var marker = null;
    // Set once the organiser places the pin themselves (click, drag, typed coordinates, or an event already placed):
    // choosing a commune then no longer moves it.
    var placedByHand = false;
    // Where the pin went, said under the map (a live region: a screen reader hears it too); cleared once placed by hand.
    var status = document.getElementById('pin-map-status');
    function byHand() {
        placedByHand = true;
        if (status) {
            status.textContent = '';
        }
    }
    function parse(input) {
        var value = parseFloat(String(input.value).replace(',', '.'));
        return isFinite(value) ? value : null;
    }

    function place(latlng, fillInputs) {
        if (!marker) {
            marker = L.marker(latlng, { draggable: true, keyboard: true, title: "Lieu de l'événement" }).addTo(map);
            marker.on('dragend', function () { byHand(); place(marker.getLatLng(), true); });
        }
        marker.setLatLng(latlng);
        if (fillInputs) {
            latitude.value = latlng.lat.toFixed(5);
            longitude.value = latlng.lng.toFixed(5);
        }
    }

    function fromInputs(pan) {
        var lat = parse(latitude), lng = parse(longitude);
        if (lat !== null && lng !== null) {
            place(L.latLng(lat, lng), false);
            if (pan) {
                map.setView([lat, lng], Math.max(map.getZoom(), 12), { animate: false });
            }
        }
    }

    map.on('click', function (event) { byHand(); place(event.latlng, true); });
    latitude.addEventListener('change', function () { byHand(); fromInputs(true); });
    longitude.addEventListener('change', function () { byHand(); fromInputs(true); });
    if (parse(latitude) !== null && parse(longitude) !== null) {
        placedByHand = true;
        fromInputs(false);
        map.setView(marker.getLatLng(), 12);
    }

    // Buttons to jump to an overseas region (its own part of the map).
    var bar = document.createElement('div');
    bar.className = 'pin-map__territories fr-btns-group fr-btns-group--inline fr-btns-group--sm';
    territories.forEach(function (territory) {
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'fr-btn fr-btn--sm fr-btn--tertiary';
        button.textContent = territory.name;
        button.addEventListener('click', function () { map.fitBounds(territory.bounds); });
        bar.appendChild(button);
    });
    element.parentNode.insertBefore(bar, element.nextSibling);

    // Postal code → communes of the official geographic code.
    var postalCode = document.getElementById('PostalCode');
    var commune = document.getElementById('InseeCode');
    if (!postalCode || !commune) {
        return;
    }
    // « de Valenciennes », « d’Abancourt »: the rule of Shared/Web/French.Of.
    function of(name) {
        return (/^[aeiouyàâäéèêëîïôöùûüÿæœ]/i.test(name) ? 'd’' : 'de ') + name;
    }
    function placeAtCommune() {
        var option = commune.options[commune.selectedIndex];
        if (placedByHand || !option || !option.dataset.latitude) {
            return;
        }
        var centre = L.latLng(parseFloat(option.dataset.latitude), parseFloat(option.dataset.longitude));
        var ofCommune = option.dataset.centre === 'commune';
        place(centre, true);
        // Close enough to see the place, far enough to keep France's outline around it. Not animated: Leaflet
        // ignores a new view asked for during a zoom animation (coordinates typed at once, say).
        map.setView(centre, ofCommune ? 9 : 8, { animate: false });
        if (status) {
            status.textContent = ofCommune
                ? 'Repère placé au centre ' + of(option.dataset.name) + ' : déplacez-le sur le lieu exact de l’événement.'
                : 'Le centre ' + of(option.dataset.name) + ' n’est pas connu : repère placé au chef-lieu du département ; déplacez-le sur le lieu exact de l’événement.';
        }
    }
    commune.addEventListener('change', placeAtCommune);

    function showRegion(regionCode) {
        if (marker) {
            return;
        }
        map.fitBounds(territories[regionTerritory[regionCode] || 0].bounds);
    }
    postalCode.addEventListener('change', function () {
        var code = postalCode.value.trim();
        if (!/^[0-9]{5}$/.test(code)) {
            return;
        }
        fetch('/api/geo/communes?postalCode=' + encodeURIComponent(code))
            .then(function (response) { return response.ok ? response.json() : []; })
            .then(function (communes) {
                while (commune.options.length > 0) {
                    commune.remove(0);
                }
                var first = document.createElement('option');
                first.value = '';
                first.textContent = communes.length === 0 ? 'Code postal inconnu' : 'Choisir';
                commune.appendChild(first);
                communes.forEach(function (c) {
                    var option = document.createElement('option');
                    option.value = c.inseeCode;
                    option.textContent = c.name + ' (' + c.departmentName + ')';
                    option.dataset.region = c.regionCode;
                    option.dataset.name = c.name;
                    if (c.centre) {
                        option.dataset.latitude = c.centre.latitude;
                        option.dataset.longitude = c.centre.longitude;
                        option.dataset.centre = c.centre.ofCommune ? 'commune' : 'department';
                    }
                    commune.appendChild(option);
                });
                if (communes.length > 0) {
                    showRegion(communes[0].regionCode);
                }
                if (communes.length === 1) {
                    commune.selectedIndex = 1;
                    placeAtCommune();
                }
            });
    });
}());
