// Drives the API through the official Better Auth client (better-auth/client with the username and admin
// plugins), the way the dashboard does. Usage: node client-flow.mjs <api base URL> <trusted origin>
// Prints one line per step; exits non-zero at the first step that does not behave as against Better Auth.
import { browserOn, checker, scriptArguments } from "./browser.mjs";

const { baseURL, origin } = scriptArguments();
const browser = browserOn(baseURL, origin);
const { check, passed } = checker();

const run = Date.now().toString(36);
const email = `e2e-${run}@example.com`;
const username = `e2e_${run}`;
const password = "Corr3ct-horse-battery";
const newPassword = "N3w-staple-battery-horse";

const a = browser();
const signUp = await a.client.signUp.email({ email, password, name: "Cliente E2E", username });
check("sign-up", !signUp.error && signUp.data.user.email === email && a.jar.has("better-auth.session_token"), signUp);

let session = await a.client.getSession();
check("get-session", session.data?.user?.username === username && session.data.session.token === signUp.data.token, session);

const signOut = await a.client.signOut();
check("sign-out", signOut.data?.success === true && !a.jar.has("better-auth.session_token"), signOut);
session = await a.client.getSession();
check("get-session after sign-out is null", session.data === null && !session.error, session);

const wrong = await a.client.signIn.email({ email, password: "wrong-password-1" });
check("sign-in with a wrong password", wrong.error?.status === 401 && wrong.error.code === "INVALID_EMAIL_OR_PASSWORD", wrong.error);

const byEmail = await a.client.signIn.email({ email: email.toUpperCase(), password });
check("sign-in by email", !byEmail.error && byEmail.data.user.email === email, byEmail);

const b = browser();
const byUsername = await b.client.signIn.username({ username: username.toUpperCase(), password });
check("sign-in by username", !byUsername.error && byUsername.data.user.username === username, byUsername);

const update = await a.client.updateUser({ name: "Renombrada" });
check("update-user", update.data?.status === true, update);
session = await a.client.getSession();
check("update-user is visible", session.data?.user?.name === "Renombrada", session.data?.user);

const sessions = await a.client.listSessions();
check("list-sessions", Array.isArray(sessions.data) && sessions.data.length === 2, sessions);

const revoke = await a.client.revokeOtherSessions();
check("revoke-other-sessions", revoke.data?.status === true, revoke);
session = await b.client.getSession();
check("the other session is gone", session.data === null, session);
session = await a.client.getSession();
check("the current session stays", session.data?.user?.email === email, session);

const change = await a.client.changePassword({ currentPassword: password, newPassword, revokeOtherSessions: true });
check("change-password", !change.error && typeof change.data.token === "string" && change.data.user.email === email, change);
session = await a.client.getSession();
check("the new session works", session.data?.session?.token === change.data.token, session);
const withNew = await browser().client.signIn.email({ email, password: newPassword });
check("sign-in with the new password", !withNew.error, withNew.error);

const limited = browser();
const statuses = [];
for (let i = 0; i < 6; i++) {
  const attempt = await limited.client.signIn.email({ email, password: "wrong-password-1" });
  statuses.push(attempt.error?.status);
}
check("the sixth sign-in in a minute is rate limited", statuses.join() === "401,401,401,401,401,429", statuses);

passed();
