// The POINT window's script. Sign-in arrives with the sign-in issue; for now the welcome screen
// only keeps its form from navigating.
const form = document.getElementById("sign-in-form");
form.addEventListener("submit", (event) => {
  event.preventDefault();
});
