// The sign-in page: POST /auth/login sets the session cookie, then the browser goes to the page of the user's role.
// An existing session goes there at once.
import "./styles.css";
import { ApiError, me, signIn } from "./api";
import { byId } from "./dom";
import { homeOf } from "./session";

const form = byId<HTMLFormElement>("sign-in-form");
const error = byId("sign-in-error");
const button = byId<HTMLButtonElement>("sign-in");

async function goHome(): Promise<void> {
  const user = await me();
  const home = homeOf(user);
  if (home === "/") {
    error.textContent = "This account has no role with a page here.";
    return;
  }
  location.assign(home);
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const userName = byId<HTMLInputElement>("username").value.trim();
  const password = byId<HTMLInputElement>("password").value;
  if (!userName || !password) {
    error.textContent = "Enter your user name and password.";
    return;
  }
  button.disabled = true;
  error.textContent = "";
  try {
    await signIn(userName, password);
    await goHome();
  } catch (failure) {
    error.textContent = failure instanceof ApiError && failure.status === 401
      ? "The user name or password is incorrect."
      : `Sign-in failed: ${(failure as Error).message}`;
  } finally {
    button.disabled = false;
  }
});

// Already signed in (a 401 just leaves the form).
me().then((user) => {
  const home = homeOf(user);
  if (home !== "/") {
    location.assign(home);
  }
}).catch(() => undefined).finally(() => {
  document.body.dataset.ready = "true";
});
