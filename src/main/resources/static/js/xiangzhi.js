// Progressive enhancement only: every form works without JavaScript.
document.addEventListener('click', function (event) {
  var toggler = event.target.closest('[data-bs-toggle="collapse"]');
  if (toggler) {
    var target = document.querySelector(toggler.getAttribute('data-bs-target'));
    if (target) { target.classList.toggle('show'); }
  }
  var confirmButton = event.target.closest('[data-confirm]');
  if (confirmButton && !window.confirm(confirmButton.getAttribute('data-confirm'))) {
    event.preventDefault();
  }
});
