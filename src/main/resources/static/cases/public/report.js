// Offers the browser's position for a report; the page works the same without it.
(function () {
  var button = document.getElementById('locate');
  if (!button || !navigator.geolocation) { return; }
  var status = document.getElementById('location-status');
  button.hidden = false;
  button.addEventListener('click', function () {
    navigator.geolocation.getCurrentPosition(function (p) {
      document.getElementById('latitude').value = p.coords.latitude.toFixed(6);
      document.getElementById('longitude').value = p.coords.longitude.toFixed(6);
      status.textContent = status.getAttribute('data-ok');
    }, function () {
      status.textContent = status.getAttribute('data-fail');
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  });
})();
