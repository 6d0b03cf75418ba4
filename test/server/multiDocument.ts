// A multi-document manifest for the line-ending tests (unit and protocol).

/** Three documents: a leading comment, a marker with a comment, an end marker; findings in documents 2 and 3. */
export const MULTI_DOC = `# web tier
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: http
--- # the pods behind it
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
          imagePulPolicy: IfNotPresent
          ports:
            - name: http
              containerPort: 80
          livenessProbe:
            tcpSocket:
              port: 81

---
apiVersion: v1
kind: Pod
metadata:
  name: one-off
spec:
  restartPolicy: Never
  containers:
    - name: job
      image: busybox:1.36
      command: ["sh", "-c", "exit 1"]
...
`;
