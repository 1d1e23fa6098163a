// Progressive enhancement of the case desk: htmx does not swap error responses by default;
// a refused action (409 someone else acted / illegal step, 422 missing input) comes back as
// the detail fragment with the reason, so it is swapped in like a success.
document.addEventListener('htmx:beforeSwap', function (event) {
  var status = event.detail.xhr.status;
  if ((status === 409 || status === 422) && event.detail.target && event.detail.target.id === 'case-detail') {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});

// Intake on behalf: "use my location" fills latitude and longitude from the phone's GPS.
// Without JavaScript (or without permission) the fields are simply typed or left empty.
document.addEventListener('DOMContentLoaded', function () {
  var locate = document.getElementById('locate');
  if (!locate || !navigator.geolocation) { return; }
  locate.classList.remove('d-none');
  locate.addEventListener('click', function () {
    navigator.geolocation.getCurrentPosition(function (position) {
      document.getElementById('latitude').value = position.coords.latitude.toFixed(6);
      document.getElementById('longitude').value = position.coords.longitude.toFixed(6);
    });
  });
});
