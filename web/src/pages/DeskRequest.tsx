export default function DeskRequest() {
  return null;
}
