export function CreateUserPage() {
  return <h1>Create user</h1>;
}
